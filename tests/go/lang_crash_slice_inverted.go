package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	lo, hi := 3, 1
	fmt.Println(s[1:3])
	fmt.Println(s[lo:hi])
}
