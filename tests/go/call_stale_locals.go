// Calls that reuse the registers of earlier frames: a function without struct
// assignment skips clearing its locals, one with it must never assign into an
// aggregate another frame left behind.
package main

import "fmt"

type Point struct{ X, Y int }

type Box struct {
	Min, Max Point
	Tags     [3]string
}

// leave holds aggregates, a slice, a map and a pointer in its registers and
// assigns no struct: its callee frames start over the same registers.
func leave(n int) int {
	b := Box{Point{n, n + 1}, Point{n + 2, n + 3}, [3]string{"a", "b", "c"}}
	s := []int{n, n * 2}
	m := map[string]int{"k": n}
	p := &Point{n, -n}
	return b.Max.Y + s[1] + m["k"] + p.Y
}

// assign declares zero-valued aggregates, then assigns whole structs and arrays to them.
func assign(n int) (Point, Box) {
	var p Point
	var b Box
	p = Point{n, n * 10}
	b = Box{Point{1, 2}, p, [3]string{"x", "y", "z"}}
	q := p
	q.X = 99
	b.Min = q
	return p, b
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	total := 0
	for i := 0; i < 5; i++ {
		total += leave(i)
		p, b := assign(i)
		fmt.Println(p, b, fib(i+5))
	}
	fmt.Println(total)
}
