package main

import "fmt"

func main() {
	var b byte = 1
	var r rune = 2
	fmt.Println(b + r)
}
