package main

import "fmt"

func main() {
	var g func(byte) rune
	var i int = g
	fmt.Println(i)
}
