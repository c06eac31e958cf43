package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	i := 1
	i -= 2
	fmt.Println("index is", i)
	s[i] = 7
}
