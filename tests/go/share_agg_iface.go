// A struct taken out of an interface (assertion, type switch) is a copy: writing it leaves the interface's value alone.
package main

import "fmt"

type T struct{ x int }

func (t T) get() int { return t.x }

type G interface{ get() int }

func main() {
	var e any = T{1}
	t := e.(T)
	t.x = 5
	fmt.Println(e, t)
	switch v := e.(type) {
	case T:
		v.x = 7
		fmt.Println(v)
	}
	fmt.Println(e)
	var g G = T{2}
	u := g.(T)
	u.x = 9
	fmt.Println(g.get(), u.get())
	arr := []any{T{3}}
	w := arr[0].(T)
	w.x = 10
	fmt.Println(arr[0], w)
}
