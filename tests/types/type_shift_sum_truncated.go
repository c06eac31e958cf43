package main

import "fmt"

func main() {
	e := uint(3)
	var x uint64 = 1<<e + 1.5
	fmt.Println(x)
}
