package main

import "fmt"

func main() {
	x := 0
	func() { x = 1 }()
	fmt.Println("x is only assigned")
}
