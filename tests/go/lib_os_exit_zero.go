package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed: os.Exit skips defers")
	fmt.Println("before exit")
	os.Exit(0)
}
