package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	lo := 5
	fmt.Println("slicing s[5:] of a length-3 slice")
	fmt.Println(s[lo:])
}
