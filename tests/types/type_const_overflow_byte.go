package main

import "fmt"

func main() {
	var b byte
	b = 300
	fmt.Println(b)
}
