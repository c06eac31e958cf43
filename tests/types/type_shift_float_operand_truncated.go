package main

import "fmt"

func main() {
	e := uint(3)
	var b byte = 256.0 << e
	fmt.Println(b)
}
