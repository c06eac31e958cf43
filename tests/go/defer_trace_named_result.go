package main

import "fmt"

// The deferred call sees the named result the return statement set.
func total(xs []int) (sum int) {
	defer func() {
		if sum > 10 {
			panic(fmt.Sprintf("sum too large: %d", sum))
		}
	}()
	for _, x := range xs {
		sum += x
	}
	return sum * 2
}

func main() {
	fmt.Println(total([]int{1, 2}))
	fmt.Println(total([]int{3, 4}))
}
