package main

import "fmt"

func main() {
	func := 3
	fmt.Println(func)
}
