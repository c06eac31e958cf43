// Cells of captured and address-taken variables are reused by the VM when
// nothing else can reach the old one; every way a cell escapes must keep it.
package main

import (
	"fmt"
	"sync"
)

var kept func() int
var keptPtr *int
var ptrs []*int

// named result captured by a deferred closure, called repeatedly at the same depth
func withDefer(i int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = -i
		}
		r += 100
	}()
	if i%3 == 0 {
		panic("boom")
	}
	return i
}

// the deferred closure escapes into a global: the next call must get a new cell
func keepClosure(i int) (r int) {
	f := func() int { r++; return r }
	if i == 2 {
		kept = f
	}
	defer func() { r *= 10 }()
	return i
}

// the cell escapes through a pointer stored in a global
func leakPtr(i int) int {
	x := i
	p := &x
	if i == 5 {
		keptPtr = p
	}
	return *p
}

// pointers from new() collected in a slice
func collectNew(i int) {
	p := new(int)
	*p = i
	if i%2 == 0 {
		ptrs = append(ptrs, p)
	}
}

// recursion: each level has its own cell while deeper calls reuse theirs
func rec(n int) (r int) {
	defer func() { r += n }()
	if n == 0 {
		return 0
	}
	return rec(n-1) * 2
}

// per-iteration loop variables captured by closures
func loops() []func() int {
	var fs []func() int
	for i := 0; i < 4; i++ {
		v := i * i
		fs = append(fs, func() int { v++; return v })
	}
	for i := 0; i < 3; i++ {
		w := i
		g := func() int { return w }
		_ = g()
	}
	return fs
}

// goroutines hold the cells after the function returns, while later calls
// of the same function run at the same depth
func spawn(i int, wg *sync.WaitGroup, start chan struct{}, out []int) {
	x := i
	x += 10
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		out[i] = x * 7
	}()
}

// the returned pointer is the cell itself
func addrOfResult(i int) (r *int) {
	v := i
	defer func() { v += 1000 }()
	return &v
}

func main() {
	// results collected first: a call in between (even fmt.Print's
	// arguments) would overwrite the registers the next call reuses
	var got [7]int
	for i := 0; i < 7; i++ {
		got[i] = withDefer(i)
	}
	fmt.Println(got)

	var kc [5]int
	for i := 0; i < 5; i++ {
		kc[i] = keepClosure(i)
	}
	fmt.Println(kc, kept(), kept())
	keepClosure(9)
	fmt.Println(kept())

	for i := 0; i < 8; i++ {
		leakPtr(i)
	}
	fmt.Println(*keptPtr)
	*keptPtr = 42
	leakPtr(1)
	fmt.Println(*keptPtr)

	for i := 0; i < 8; i++ {
		collectNew(i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println(ptrs[0] != ptrs[1])

	fmt.Println(rec(5), rec(3), rec(5))

	fs := loops()
	for _, f := range fs {
		fmt.Print(f(), f(), " ")
	}
	fmt.Println()

	var wg sync.WaitGroup
	out := make([]int, 4)
	start := make(chan struct{})
	for i := 0; i < 4; i++ {
		spawn(i, &wg, start, out)
	}
	close(start)
	wg.Wait()
	fmt.Println(out)

	a := addrOfResult(1)
	b := addrOfResult(2)
	c := addrOfResult(3)
	fmt.Println(*a, *b, *c, a != b, b != c)
	*a = 5
	fmt.Println(*a, *b, *c)
}
