// Go 1.22: each iteration has its own loop variable. A variable captured by a
// closure lives in a cell and is copied before the post statement; a plain
// one is stepped in place. Both must see the right values.
package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 4; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// Captured and changed in the closure: the change is seen by the post
	// statement of the same iteration only.
	var incs []func()
	for i := 0; i < 10; i += 2 {
		incs = append(incs, func() { i++ })
		incs[len(incs)-1]()
		fmt.Print(i, " ")
	}
	fmt.Println()

	// One captured variable, one not, stepped together.
	var gs []func() (int, int)
	j := 100
	for i := 0; i < 3; i++ {
		j--
		gs = append(gs, func() (int, int) { return i, j })
	}
	for _, g := range gs {
		a, b := g()
		fmt.Print(a, ",", b, " ")
	}
	fmt.Println()

	// Pointers to the loop variable.
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// The limit captured by a closure that changes it.
	limit := 8
	shrink := func() { limit -= 2 }
	count := 0
	for i := 0; i < limit; i++ {
		shrink()
		count++
	}
	fmt.Println("captured limit", count, limit)

	// The step captured.
	step := 1
	grow := func() { step *= 2 }
	var xs []int
	for i := 0; i < 100; i += step {
		xs = append(xs, i)
		grow()
	}
	fmt.Println("captured step", xs)
}
