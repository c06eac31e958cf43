package main

import "fmt"

type B byte

func main() {
	var b B
	var s string = b
	fmt.Println(s)
}
