package main

import "fmt"

func main() {
	s := []int{0, 1, 2, 3, 4}
	lo, hi := 3, 2
	fmt.Println("slicing s[3:2]")
	fmt.Println(s[lo:hi])
}
