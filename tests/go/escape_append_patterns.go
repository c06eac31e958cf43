package main

// Everyday slice-building patterns, whose capacities depend on Go's stack
// buffer for appends that do not escape (see escape_append_buffer.go).

import (
	"fmt"
	"strings"
)

type point struct{ x, y int }

type bag struct {
	items []int
}

func (b *bag) add(v int) { b.items = append(b.items, v) }

//go:noinline
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, w)
	}
	return out
}

//go:noinline
func filter(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return out
}

//go:noinline
func mapped(xs []int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, x*2)
	}
	return out
}

//go:noinline
func points(n int) []point {
	var ps []point
	for i := 0; i < n; i++ {
		ps = append(ps, point{i, i})
	}
	return ps
}

//go:noinline
func builder() string {
	var b []byte
	b = append(b, "hello"...)
	b = append(b, ' ')
	b = append(b, "world"...)
	return string(b) + fmt.Sprint(cap(b))
}

//go:noinline
func matrix(n int) [][]int {
	var m [][]int
	for i := 0; i < n; i++ {
		var row []int
		for j := 0; j < n; j++ {
			row = append(row, i*j)
		}
		m = append(m, row)
	}
	return m
}

//go:noinline
func errs() []error {
	var es []error
	es = append(es, fmt.Errorf("a"))
	return es
}

//go:noinline
func selectAppend() int {
	var s []int
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v := <-ch:
		s = append(s, v)
	default:
	}
	return cap(s)
}

//go:noinline
func maybe(n int) int {
	var s []int
	if n > 0 {
		s = append(s, n)
	}
	s = append(s, 1)
	return cap(s)
}

func main() {
	var bg bag
	bg.add(1)
	fmt.Println("bag", cap(bg.items))
	w := words("a b c")
	fmt.Println("words", len(w), cap(w))
	f := filter([]int{1, 2, 3, 4, 5, 6})
	fmt.Println("filter", len(f), cap(f))
	fmt.Println("mapped", cap(mapped([]int{1, 2, 3})))
	p := points(3)
	fmt.Println("points", len(p), cap(p))
	fmt.Println("builder", builder())
	m := matrix(3)
	fmt.Println("matrix", cap(m), cap(m[0]), cap(m[1]), cap(m[2]))
	fmt.Println("errs", cap(errs()))
	fmt.Println("select", selectAppend())
	fmt.Println("maybe", maybe(0), maybe(1))
	local := []point{}
	for i := 0; i < 3; i++ {
		local = append(local, point{i, 0})
	}
	fmt.Println("local points", cap(local))
	var total []int
	for i := 0; i < 3; i++ {
		total = append(total, filter([]int{i, i + 1})...)
	}
	fmt.Println("total", len(total), cap(total))
	var ss []string
	ss = append(ss, strings.Split("a,b,c", ",")...)
	ss = append(ss, "d")
	fmt.Println("ss", cap(ss))
}
