package main

import "fmt"

func main() {
	fmt.Println("start")
	func() {
		defer fmt.Println("  defer of the func literal runs when IT returns")
		fmt.Println("  inside func literal")
	}()
	fmt.Println("after func literal")
	{
		defer fmt.Println("defer in a block runs at the end of main, not the block")
		fmt.Println("inside block")
	}
	fmt.Println("after block")
}
