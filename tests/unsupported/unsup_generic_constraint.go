package main

import "fmt"

func Sum[N int | float64](xs []N) N {
	var total N
	for _, x := range xs {
		total += x
	}
	return total
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}))
}
