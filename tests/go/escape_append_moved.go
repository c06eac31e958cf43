package main

// A slice that leaves its function only once (returned, copied, ranged over)
// and is otherwise only appended to, indexed, measured or passed to
// non-leaking functions is built in the stack buffer and moved to the heap
// just before it leaves: trimmed to its length's size class, or with its
// capacity kept (and grown one size class at a time) when cap is observed.

import "fmt"

//go:noinline
func collect(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func collectWithCaps(n int) ([]int, []int) {
	var s []int
	var caps []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		caps = append(caps, cap(s))
	}
	return s, caps
}

//go:noinline
func collectBytes(n int) []byte {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, 'a')
	}
	return s
}

//go:noinline
func three() []int {
	var s []int
	s = append(s, 1)
	s = append(s, 2)
	s = append(s, 3)
	return s
}

//go:noinline
func one() []int {
	var s []int
	s = append(s, 1)
	return s
}

//go:noinline
func named(n int) (r []int) {
	for i := 0; i < n; i++ {
		r = append(r, i)
	}
	return
}

//go:noinline
func param(p []int, n int) []int {
	for i := 0; i < n; i++ {
		p = append(p, i)
	}
	return p
}

//go:noinline
func rangeAfter(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t*100 + cap(s)
}

//go:noinline
func copiedOut(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if n > 100 {
		return nil
	}
	x := s
	return x
}

//go:noinline
func transitionInLoop(n int) int {
	var s []int
	var keep []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		keep = s
	}
	return cap(keep)
}

//go:noinline
func copyWithCap(n int) ([]int, int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	x := s
	return x, cap(x)
}

//go:noinline
func ladderBytes(n int) ([]byte, []int) {
	var s []byte
	var caps []int
	for i := 0; i < n; i++ {
		s = append(s, 'x')
		caps = append(caps, cap(s))
	}
	return s, caps
}

type triple struct{ a, b, c int32 }

//go:noinline
func ladderTriples(n int) ([]triple, []int) {
	var s []triple
	var caps []int
	for i := 0; i < n; i++ {
		s = append(s, triple{})
		caps = append(caps, cap(s))
	}
	return s, caps
}

//go:noinline
func pairsAtOnce(n int) ([]int, []int) {
	var s []int
	var caps []int
	for i := 0; i < n; i++ {
		s = append(s, i, i)
		caps = append(caps, cap(s))
	}
	return s, caps
}

//go:noinline
func nilChecked(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if s == nil {
		return nil
	}
	return s
}

//go:noinline
func resliced(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	s = s[:1]
	return s
}

//go:noinline
func shifted(n int) ([]int, []int) {
	var s []int
	var caps []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		if len(s) == 2 {
			s = s[1:]
		}
		caps = append(caps, cap(s))
	}
	return s, caps
}

// Not inlined: Go would inline it, and its inlined parameter `xs := s` would
// be a second transition of `s` (gomini does not model inlining).
//
//go:noinline
func sumOf(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

//go:noinline
func passedOn(n int) ([]int, int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := sumOf(s)
	return s, t
}

//go:noinline
func strs(n int) []string {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
	}
	return s
}

//go:noinline
func literalStart(n int) []int {
	s := []int{}
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func madeStart(n int) []int {
	s := make([]int, 0)
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func spreadOnly(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, []int{i}...)
	}
	return s
}

func main() {
	for n := 0; n < 7; n++ {
		r := collect(n)
		fmt.Println("collect", n, len(r), cap(r), r == nil)
	}
	for n := 0; n < 7; n++ {
		r, caps := collectWithCaps(n)
		fmt.Println("collectWithCaps", n, len(r), cap(r), caps)
	}
	for _, n := range []int{1, 5, 9, 20, 33, 40} {
		r := collectBytes(n)
		fmt.Println("collectBytes", n, len(r), cap(r))
	}
	fmt.Println("three appends:", cap(three()), "one append:", cap(one()))
	for _, n := range []int{0, 1, 3, 4, 5} {
		r := named(n)
		fmt.Println("named result", n, len(r), cap(r))
	}
	fmt.Println("param nil:", cap(param(nil, 3)))
	fmt.Println("param [9]:", cap(param([]int{9}, 3)))
	fmt.Println("param make(0,10):", cap(param(make([]int, 0, 10), 3)))
	fmt.Println("rangeAfter:", rangeAfter(3), rangeAfter(6))
	fmt.Println("copiedOut:", cap(copiedOut(3)))
	fmt.Println("transitionInLoop:", transitionInLoop(3))
	x, c := copyWithCap(3)
	fmt.Println("copyWithCap:", cap(x), c)
	b, bc := ladderBytes(40)
	fmt.Println("ladderBytes:", len(b), cap(b), bc)
	t, tc := ladderTriples(5)
	fmt.Println("ladderTriples:", len(t), cap(t), tc)
	p, pc := pairsAtOnce(4)
	fmt.Println("pairsAtOnce:", len(p), cap(p), pc)
	fmt.Println("nilChecked:", cap(nilChecked(3)))
	fmt.Println("resliced:", cap(resliced(3)))
	sh, shc := shifted(5)
	fmt.Println("shifted:", sh, cap(sh), shc)
	po, sum := passedOn(3)
	fmt.Println("passedOn:", cap(po), sum)
	fmt.Println("strs:", cap(strs(1)), cap(strs(2)), cap(strs(3)))
	fmt.Println("literalStart:", cap(literalStart(3)))
	fmt.Println("madeStart:", cap(madeStart(3)))
	fmt.Println("spreadOnly:", cap(spreadOnly(3)))
}
