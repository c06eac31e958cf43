package main

import "fmt"

func main() {
	var m map[byte]rune
	var s string = m
	fmt.Println(s)
}
