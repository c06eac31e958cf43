package main

import "fmt"

func compute() (x int) {
	x = 10
	defer func() {
		fmt.Println("defer sees x =", x)
		x += 100
	}()
	return x * 2 // assigns 20 to x before the defer runs
}

func two() (a, b string) {
	defer func() {
		fmt.Println("defer sees", a, b)
		a, b = b, a
	}()
	return "left", "right"
}

func main() {
	fmt.Println("compute() =", compute())
	a, b := two()
	fmt.Println("two() =", a, b)
}
