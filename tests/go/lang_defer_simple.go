package main

import "fmt"

func work() (result int) {
	defer func() { result *= 2 }()
	fmt.Println("working")
	return 21
}

func main() {
	defer fmt.Println("deferred 1 (runs last)")
	defer fmt.Println("deferred 2")
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	fmt.Println("x now:", x)
	fmt.Println("work():", work())
}
