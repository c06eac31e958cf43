package main

import "fmt"

func main() {
	n := -1
	fmt.Println("making a slice of length", n)
	s := make([]int, n)
	fmt.Println(s)
}
