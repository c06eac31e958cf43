package main

import "fmt"

func sum(xs []int, out chan<- int) {
	t := 0
	for _, x := range xs {
		t += x
	}
	out <- t
}

func main() {
	xs := []int{7, 2, 8, -9, 4, 0}
	out := make(chan int)
	go sum(xs[:len(xs)/2], out)
	go sum(xs[len(xs)/2:], out)
	x, y := <-out, <-out
	fmt.Println("partial sums add up to", x+y)
	fmt.Println("the larger partial sum is", max(x, y))
}
