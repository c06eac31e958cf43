package main

import "fmt"

func main() {
	s := []int{1, 2}
	fmt.Println("converting a slice of length", len(s))
	a := [3]int(s)
	fmt.Println(a)
}
