package main

import "fmt"

func get(xs []int, i int) int {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	return xs[i]
}

func main() {
	fmt.Println("get(ok) =", get([]int{7, 8}, 1))
	fmt.Println("get(bad) =", get([]int{7, 8}, 5), "(zero value)")
}
