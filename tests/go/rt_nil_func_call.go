package main

import "fmt"

func main() {
	var handler func(string) string
	fmt.Println("handler is nil:", handler == nil)
	fmt.Println(handler("x"))
}
