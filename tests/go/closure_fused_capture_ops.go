// Captured variables updated and returned in the shapes compile/fuse.rs fuses
// (`n += d; return n`, `n++`, `n -= 3`) and around them: a jump landing on the
// kept second half, non-int captures, a closure returning a capture of a
// capture, and goroutines updating captured counters under a mutex.
package main

import (
	"fmt"
	"sync"
)

func counter() func(int) int {
	n := 0
	return func(d int) int {
		n += d
		return n
	}
}

func stepper() (func() int, func() int) {
	n := 10
	up := func() int {
		n++
		return n
	}
	down := func() int {
		n -= 3
		return n
	}
	return up, down
}

// `return ok || hit`: the `||` jumps straight to the `Return`, past the load of `hit`.
func orElse() func(bool) bool {
	hit := false
	return func(ok bool) bool {
		hit = !hit
		return ok || hit
	}
}

func namer() func(string) string {
	s := "a"
	return func(t string) string {
		s += t
		return s
	}
}

func nested() func() func() int {
	total := 100
	return func() func() int {
		return func() int {
			total += 7
			return total
		}
	}
}

func pick() func(int) int {
	n := 5
	return func(d int) int {
		if d > 2 {
			return n
		}
		n += d
		return n
	}
}

func main() {
	f := counter()
	r := 0
	for i := 0; i < 1000; i++ {
		r = f(i & 3)
	}
	fmt.Println(r)

	up, down := stepper()
	fmt.Println(up(), up(), down(), up(), down())

	o := orElse()
	fmt.Println(o(false), o(false), o(true), o(false))

	s := namer()
	fmt.Println(s("b"), s("cd"), s(""))

	g := nested()()
	fmt.Println(g(), g(), g())

	p := pick()
	fmt.Println(p(1), p(3), p(2), p(4))

	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	add := func(d int) int {
		mu.Lock()
		count += d
		mu.Unlock()
		return d
	}
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
