package main

import "fmt"

func main() {
	var r rune = "x"
	fmt.Println(r)
}
