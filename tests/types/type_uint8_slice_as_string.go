package main

import "fmt"

func main() {
	var us []uint8
	var s string = us
	fmt.Println(s)
}
