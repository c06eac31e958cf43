package main

import "fmt"

func main() {
	e := uint(3)
	var g uint64 = 1.0<<e | 1
	fmt.Println(g)
}
