package main

import (
	"fmt"
	"strings"
)

type BinOp func(int, int) int
type Visitor func(depth int, name string) bool

func walk(names []string, v Visitor) int {
	visited := 0
	for i, n := range names {
		visited++
		if !v(i, n) {
			break
		}
	}
	return visited
}

func (op BinOp) Fold(init int, xs ...int) int {
	acc := init
	for _, x := range xs {
		acc = op(acc, x)
	}
	return acc
}

func main() {
	var add BinOp = func(a, b int) int { return a + b }
	mul := BinOp(func(a, b int) int { return a * b })
	fmt.Println(add.Fold(0, 1, 2, 3, 4), mul.Fold(1, 1, 2, 3, 4))
	ops := []struct {
		name string
		fn   BinOp
	}{{"add", add}, {"mul", mul}, {"max", func(a, b int) int { return max(a, b) }}}
	for _, o := range ops {
		fmt.Printf("%s: %d\n", o.name, o.fn(6, 7))
	}
	n := walk([]string{"a", "b", "stop", "c"}, func(d int, s string) bool {
		fmt.Println(" visit", d, s)
		return s != "stop"
	})
	fmt.Println("visited", n)
	var nilFn BinOp
	fmt.Println("nil func:", nilFn == nil)
	fmt.Printf("%T\n", strings.ToUpper)
	transforms := []func(string) string{strings.ToUpper, strings.TrimSpace, func(s string) string { return s + "!" }}
	s := "  hi  "
	for _, t := range transforms {
		s = t(s)
	}
	fmt.Printf("%q\n", s)
	// functions returning multiple funcs
	inc, get := func() (func(), func() int) {
		c := 0
		return func() { c++ }, func() int { return c }
	}()
	inc()
	inc()
	fmt.Println(get())
}
