package main

import "fmt"

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func filter(next func() int, keep func(int) bool) func() int {
	return func() int {
		for {
			v := next()
			if keep(v) {
				return v
			}
		}
	}
}

func take(next func() int, n int) []int {
	out := make([]int, 0, n)
	for range n {
		out = append(out, next())
	}
	return out
}

type Middleware func(func(string) string) func(string) string

func chain(h func(string) string, ms ...Middleware) func(string) string {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

func tag(name string) Middleware {
	return func(next func(string) string) func(string) string {
		return func(s string) string { return "<" + name + ">" + next(s) + "</" + name + ">" }
	}
}

func memo(f func(int) int) func(int) int {
	cache := map[int]int{}
	calls := 0
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		calls++
		v := f(n)
		cache[n] = v
		fmt.Println("  computed", n, "calls so far:", calls)
		return v
	}
}

func main() {
	fmt.Println(take(fibGen(), 12))
	even := filter(fibGen(), func(v int) bool { return v%2 == 0 })
	fmt.Println(take(even, 6))
	h := chain(func(s string) string { return s }, tag("b"), tag("i"))
	fmt.Println(h("text"))
	sq := memo(func(n int) int { return n * n })
	fmt.Println(sq(4), sq(4), sq(5), sq(4))
	adders := make(map[string]func(int) int)
	for _, k := range []int{1, 10, 100} {
		adders[fmt.Sprint("add", k)] = func(x int) int { return x + k }
	}
	fmt.Println(adders["add1"](1), adders["add10"](1), adders["add100"](1))
}
