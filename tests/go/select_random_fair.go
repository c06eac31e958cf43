package main

import "fmt"

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	fromA, fromB, total := 0, 0, 0
	for i := 0; i < 200; i++ {
		select {
		case v := <-a:
			fromA++
			total += v
		case v := <-b:
			fromB++
			total += v
		}
	}
	// Which case wins each time is random; only the totals are fixed.
	fmt.Println("received", fromA+fromB, "values, total", total)
}
