package main

import "fmt"

func sum(label string, xs ...int) {
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println(label, xs, "sum", t)
}

func main() {
	nums := []int{1, 2, 3}
	defer sum("spread (shares array):", nums...)
	defer sum("listed (copied values):", nums[0], nums[1], nums[2])
	defer sum("none:")
	nums[0] = 10
	fmt.Println("changed nums[0] to 10")
}
