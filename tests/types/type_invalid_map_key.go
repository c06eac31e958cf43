package main

import "fmt"

func main() {
	m := map[[]int]bool{}
	fmt.Println(m)
}
