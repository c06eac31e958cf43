package main

import "fmt"

func main() {
	fmt.Println("panic with a plain int prints just the number")
	panic(42)
}
