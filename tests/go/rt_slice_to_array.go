package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	a := [3]int(s)
	fmt.Println("converted:", a)
	b := [4]int(s)
	fmt.Println(b)
}
