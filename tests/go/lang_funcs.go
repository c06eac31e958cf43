package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func safeDiv(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	q = a / b
	return
}

func named() (x, y int, s string) {
	x = 1
	s = "named"
	return
}

func apply(f func(int) int, v int) int { return f(v) }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func noResult(s *[]string) { *s = append(*s, "called") }

func main() {
	q, r := divmod(17, 5)
	fmt.Println("17 divmod 5:", q, r)
	q, r = divmod(-17, 5)
	fmt.Println("-17 divmod 5:", q, r)
	if v, err := safeDiv(10, 0); err != nil {
		fmt.Println("error:", err, "v:", v)
	}
	v, err := safeDiv(10, 3)
	fmt.Println("10/3:", v, err)
	fmt.Println(named())
	double := func(n int) int { return n * 2 }
	inc := func(n int) int { return n + 1 }
	fmt.Println("apply:", apply(double, 21))
	fmt.Println("compose:", compose(double, inc)(5), compose(inc, double)(5))
	var log []string
	noResult(&log)
	noResult(&log)
	fmt.Println(log)
	// passing a multi-value result directly
	fmt.Println(divmod(100, 7))
	var fn func(int) int
	fmt.Println("nil func:", fn == nil)
	fn = double
	fmt.Println("not nil:", fn != nil, fn(4))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
}
