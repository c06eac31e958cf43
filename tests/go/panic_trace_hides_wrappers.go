package main

import "fmt"

// A panic in a value method reached through compiler-made wrappers: a method
// value of an interface holding a *Outer, whose M is T's value method
// promoted through an embedded field. Go's traceback shows the method and
// the callers, never the wrappers in between.

type Shower interface{ Show() }

type T struct{ n int }

func (t T) Show() {
	if t.n > 3 {
		panic(fmt.Sprint("too big: ", t.n))
	}
	fmt.Println("show", t.n)
}

type Outer struct {
	T
	label string
}

//go:noinline
func callAll(items []Shower) {
	for _, s := range items {
		show := s.Show
		show()
	}
}

func main() {
	items := []Shower{T{1}, &T{2}, Outer{T{3}, "x"}, &Outer{T{4}, "y"}}
	callAll(items)
}
