package main

import "fmt"

func main() {
	e := uint(3)
	x := 1.0 << e
	fmt.Println(x)
}
