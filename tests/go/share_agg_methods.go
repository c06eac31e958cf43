// Value-receiver methods reached through method values and interfaces: each
// call gets its own copy of the receiver, whether the method writes it or not.
package main

import "fmt"

type T struct{ x int }

func (t T) inc() int { t.x++; return t.x }

func (t T) get() int { return t.x }

type Grid [3]int

func (g Grid) bump() int { g[1] += 10; return g[1] }

func (g Grid) sum() int { return g[0] + g[1] + g[2] }

type Outer struct {
	T
	name string
}

type Incer interface {
	inc() int
	get() int
}

type Bumper interface {
	bump() int
	sum() int
}

func main() {
	f := T{1}.inc
	fmt.Println(f(), f())
	g := T{1}.get
	fmt.Println(g(), g())

	var i Incer = T{5}
	fmt.Println(i.inc(), i.inc(), i.get())

	p := &T{7}
	var j Incer = p
	fmt.Println(j.inc(), j.inc(), p.x)
	h := p.inc
	fmt.Println(h(), h(), p.x)
	p.x = 100
	fmt.Println(h(), p.inc())

	var b Bumper = Grid{1, 2, 3}
	fmt.Println(b.bump(), b.bump(), b.sum())
	bm := Grid{4, 5, 6}.bump
	fmt.Println(bm(), bm())

	var o Incer = Outer{T{20}, "o"}
	fmt.Println(o.inc(), o.inc(), o.get())
	oi := Outer{T{30}, "p"}.inc
	fmt.Println(oi(), oi())

	t := T{40}
	k := t.inc
	t.x = 41
	fmt.Println(k(), k(), t.x)

	items := []Incer{T{1}, T{2}, &T{3}, Outer{T{4}, "q"}}
	total := 0
	for round := 0; round < 3; round++ {
		for _, it := range items {
			total += it.inc() * 10
			total += it.get()
		}
	}
	fmt.Println(total)
	var e any = T{9}
	if m, ok := e.(Incer); ok {
		fmt.Println(m.inc(), m.inc(), e.(T).x)
	}
}
