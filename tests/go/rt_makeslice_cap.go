package main

import "fmt"

func main() {
	l, c := 5, 2
	fmt.Println("make([]int, 5, 2)")
	s := make([]int, l, c)
	fmt.Println(s)
}
