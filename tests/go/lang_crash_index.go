package main

import "fmt"

func get(s []int, i int) int { return s[i] }

func main() {
	s := []int{1, 2, 3}
	fmt.Println("first:", get(s, 0))
	fmt.Println("out of range:", get(s, 5))
	fmt.Println("not reached")
}
