package main

import "fmt"

func example() {
	defer fmt.Println("first")
	defer fmt.Println("second")
	defer fmt.Println("third")
	fmt.Println("body of example")
}

func main() {
	example()
	fmt.Println("back in main")
}
