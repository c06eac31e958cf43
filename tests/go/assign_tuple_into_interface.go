package main

import (
	"errors"
	"fmt"
)

// Comma-ok and multi-value results assigned into interface-typed variables
// are boxed with their own dynamic type, whatever the destination is: a
// register local, a captured local, a struct field, a slice element.

type Pair struct{ a, b int }

type Holder struct {
	v  any
	ok any
}

func two() (int, error) { return 5, nil }

func three() (string, Pair, error) { return "s", Pair{1, 2}, errors.New("e") }

func main() {
	var s any = "x"
	s, ok := s.(int)
	fmt.Println(s, ok)

	var e any = 7
	m := map[int]int{1: 2}
	e, ok = m[1]
	fmt.Println(e, ok)
	e, ok = m[3]
	fmt.Println(e, ok)

	ch := make(chan int, 1)
	ch <- 9
	e, ok = <-ch
	fmt.Println(e, ok)
	close(ch)
	e, ok = <-ch
	fmt.Println(e, ok)

	var f fmt.Stringer
	var g any
	g, ok = f.(fmt.Stringer)
	fmt.Println(g, ok)

	e, err := two()
	fmt.Println(e, err)
	var x, y any
	x, y = two()
	fmt.Printf("%v %T %v %T\n", x, x, y, y)

	var okAny any
	e, okAny = m[1]
	fmt.Printf("%v %T %v %T\n", e, e, okAny, okAny)

	// Aggregates: the interface holds a copy, not the map's element.
	arrs := map[string][2]int{"a": {1, 2}}
	var boxed any
	boxed, ok = arrs["a"]
	arr := arrs["a"]
	arr[0] = 100
	arrs["a"] = arr
	fmt.Println(boxed, ok, arrs["a"])

	var p any = Pair{3, 4}
	var q any
	q, ok = p.(Pair)
	fmt.Println(q, ok, q == p)

	// A captured variable, a field and a slice element as destinations.
	var captured any = "old"
	show := func() { fmt.Printf("captured %v %T\n", captured, captured) }
	captured, ok = m[1]
	show()

	var h Holder
	h.v, h.ok = m[1]
	fmt.Printf("%v %T %v %T\n", h.v, h.v, h.ok, h.ok)

	items := make([]any, 3)
	items[0], items[1], items[2] = three()
	fmt.Printf("%v %T | %v %T | %v\n", items[0], items[0], items[1], items[1], items[2])

	// := redeclaring an interface variable next to a new one.
	var r any = 1.5
	r, isFloat := r.(float64)
	fmt.Printf("%v %T %v\n", r, r, isFloat)
	r, isInt := r.(int)
	fmt.Printf("%v %T %v\n", r, r, isInt)
	words := make(chan string, 1)
	words <- "w"
	r, more := <-words
	fmt.Printf("%v %T %v\n", r, r, more)
}
