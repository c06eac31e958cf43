package main

import "fmt"

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println("swapped:", a, b)

	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println("rotated:", x, y, z)

	s := []int{10, 20, 30}
	i := 0
	// index expressions on the left are evaluated first, then assignments happen left to right
	i, s[i] = 1, 99
	fmt.Println("i, s:", i, s)

	s[0], s[2] = s[2], s[0]
	fmt.Println("element swap:", s)

	// fibonacci via parallel assignment
	f0, f1 := 0, 1
	for k := 0; k < 10; k++ {
		f0, f1 = f1, f0+f1
	}
	fmt.Println("fib(10):", f0)

	m := map[string]int{}
	m["a"], m["b"] = 1, 2
	fmt.Println("map:", m)

	var p struct{ A, B int }
	p.A, p.B = 5, p.A+1
	fmt.Println("struct:", p.A, p.B)
}
