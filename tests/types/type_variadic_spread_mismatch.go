package main

import "fmt"

func sum(xs ...int) int { return len(xs) }

func main() {
	nums := []int{1, 2}
	fmt.Println(sum(1, nums...))
}
