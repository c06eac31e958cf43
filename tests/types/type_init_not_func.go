package main

import "fmt"

var init = 1

func main() {
	fmt.Println("hello")
}
