package main

import "fmt"

func main() {
	n := 3
	n -= 5
	fmt.Println("making a slice of length", n)
	s := make([]int, n)
	fmt.Println(s)
}
