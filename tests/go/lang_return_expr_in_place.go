// `return a op b` computes its result straight into the result register
// (register 0, the first parameter's): operands that are that parameter,
// captured parameters, value receivers, and returns after a branch or loop.
package main

import "fmt"

type Vec struct{ x, y int }

func (v Vec) dot(k int) int { return v.x*k + v.y }

func (v *Vec) sum() int { return v.x + v.y }

func square(n int) int { return n*n + n }

func sub(a, b int) int { return b - a }

func self(n int) int { return n + n }

func zero() int {
	a, b := 3, 4
	return a*b - a
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func joined(n int, c bool) int {
	x := 0
	if c {
		x = 10
	} else {
		x = 20
	}
	return x ^ n
}

func looped(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += i
		if t > 20 {
			return t | n
		}
	}
	return t & n
}

func captured(n int) (func() int, int) {
	f := func() int { n++; return n }
	return f, 0
}

func captureParam(n int) int {
	inc := func() { n += 5 }
	inc()
	return n + 1
}

func twice(f func(int) int, n int) int { return f(n) + f(n+1) }

func bits(n int) int   { return n &^ 3 }
func times3(n int) int { return n * 3 }
func low(n int) int    { return n & 7 }
func shl(n int) int    { return n << 2 }
func shr(n int) int    { return n >> 1 }
func ushr(u uint) uint { return u >> 2 }

func main() {
	v := Vec{3, 4}
	total := 0
	for i := 0; i < 5; i++ {
		total += v.dot(i)
	}
	fmt.Println(total, v, v.dot(2))
	p := &Vec{5, 6}
	fmt.Println(p.sum(), *p)
	fmt.Println(square(7), sub(2, 9), self(21), zero(), fib(15))
	fmt.Println(joined(3, true), joined(3, false), looped(3), looped(10))
	f, _ := captured(5)
	fmt.Println(f(), f())
	fmt.Println(captureParam(1), twice(square, 3))
	fmt.Println(bits(31), times3(-7), low(29), shl(5), shr(-9), ushr(1<<63))
	adder := func(a, b int) int { return a + b }
	fmt.Println(adder(40, 2), adder(-1, 1))
	done := make(chan int)
	go func(n int) { done <- fib(n) + n }(10)
	fmt.Println(<-done)
}
