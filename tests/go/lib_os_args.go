package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program path and differs between runs; only its presence is printed
	fmt.Println("number of args:", len(os.Args))
	fmt.Println("extra args:", os.Args[1:], len(os.Args[1:]))
	fmt.Println("program name is non-empty:", os.Args[0] != "")
	fmt.Fprintln(os.Stdout, "via os.Stdout")
}
