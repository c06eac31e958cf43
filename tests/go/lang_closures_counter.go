package main

import "fmt"

func makeCounter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func makeAccumulator(start int) (func(int), func() int) {
	total := start
	add := func(v int) { total += v }
	get := func() int { return total }
	return add, get
}

func main() {
	c1 := makeCounter()
	c2 := makeCounter()
	fmt.Println(c1(), c1(), c1())
	fmt.Println(c2(), c2())
	fmt.Println(c1())

	add, get := makeAccumulator(100)
	add(5)
	add(-20)
	fmt.Println("accumulated:", get())

	// closure captures the variable, not the value
	x := 1
	show := func() int { return x }
	x = 2
	fmt.Println("captured x:", show())

	// recursive closure
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println("10! =", fact(10))

	// immediately invoked
	result := func(a, b int) int { return a * b }(6, 7)
	fmt.Println("iife:", result)

	// closures in a slice sharing one variable
	shared := 0
	incs := []func(){func() { shared++ }, func() { shared += 10 }}
	for _, f := range incs {
		f()
		f()
	}
	fmt.Println("shared:", shared)
}
