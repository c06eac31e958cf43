package main

import "fmt"

func main() {
	x := 42
	defer println("println goes to stderr, x =", x)
	defer print("print also goes to stderr\n")
	x = 7
	fmt.Println("stdout: x is now", x)
}
