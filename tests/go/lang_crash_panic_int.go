package main

import "fmt"

func main() {
	fmt.Println("panic with an int value")
	panic(42)
}
