package main

import (
	"fmt"
	"math"
)

type P struct {
	X float64
	S string
}

// NaN is not equal to itself: a map keeps every NaN key as its own entry,
// no lookup or delete finds one, and a range still yields each of them
// (printed order-independently, as Go's range order is random).
func main() {
	m := map[float64]int{}
	m[math.NaN()] = 1
	m[math.NaN()] = 2
	m[3] = 4
	fmt.Println(len(m))
	n, sum, nans := 0, 0, 0
	for k, v := range m {
		n++
		sum += v
		if k != k {
			nans++
		}
	}
	fmt.Println(n, sum, nans)
	delete(m, math.NaN())
	fmt.Println(len(m))
	_, ok := m[math.NaN()]
	fmt.Println(ok, m[math.NaN()])
	// fmt sorts NaN keys first (among themselves in random order: equal
	// values keep the output deterministic).
	same := map[float64]int{math.NaN(): 7, -1: 0}
	same[math.NaN()] = 7
	fmt.Println(same)
	// The NaN keys themselves.
	seen := 0
	for k := range m {
		if k != k {
			seen++
		}
	}
	fmt.Println(seen)
	// Keys only.
	keys := 0
	for range m {
		keys++
	}
	fmt.Println(keys)
	// clear during a range: the rest are not produced.
	after := 0
	for range m {
		clear(m)
		after++
	}
	fmt.Println(after, len(m), m)
	// Struct and interface keys holding NaN.
	ps := map[P]bool{{math.NaN(), "a"}: true, {math.NaN(), "a"}: false, {1, "b"}: true}
	cnt, trues := 0, 0
	for k, v := range ps {
		cnt++
		if v {
			trues++
		}
		_ = k
	}
	fmt.Println(len(ps), cnt, trues)
	is := map[any]int{math.NaN(): 1, float32(math.NaN()): 2, "x": 3}
	is[math.NaN()] = 10
	total := 0
	for _, v := range is {
		total += v
	}
	fmt.Println(len(is), total)
	// A NaN key's value read during the range is the one it was stored with.
	mm := map[float64]string{math.NaN(): "a", math.Inf(1): "b", math.Inf(-1): "c"}
	fmt.Println(mm)
	got := ""
	for k, v := range mm {
		if k != k {
			got += v
		}
	}
	fmt.Println(got)
	clear(mm)
	fmt.Println(len(mm), mm)
}

func init() {
	// A struct, array or interface holding a NaN is unequal to itself too.
	p := P{math.NaN(), "a"}
	q := p
	fmt.Println(p == p, p == q)
	a := [2]float64{math.NaN(), 1}
	fmt.Println(a == a)
	var i any = p
	fmt.Println(i == i)
	m := map[P]int{p: 1}
	_, ok := m[p]
	fmt.Println(ok, len(m))
	m[p] = 2
	fmt.Println(len(m))
}
