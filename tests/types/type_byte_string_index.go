package main

import "fmt"

func main() {
	y := "abc"[1]
	var s string = y
	fmt.Println(s)
}
