package main

import (
	"fmt"
	"os"
)

// print and println write to stderr; os.Exit(1) makes the first stderr line part of the golden.
func main() {
	fmt.Println("stdout line")
	println("println:", 42, true, "str", 'x')
	print("not reached in golden\n")
	os.Exit(1)
}
