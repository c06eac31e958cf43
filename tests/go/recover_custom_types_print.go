package main

import "fmt"

type Code int
type Point struct{ X, Y int }
type Name string

func (n Name) String() string { return "Name<" + string(n) + ">" }

func show(v any) {
	defer func() {
		r := recover()
		fmt.Printf("%v | %+v | %T\n", r, r, r)
	}()
	panic(v)
}

func main() {
	show(Code(404))
	show(Point{1, 2})
	show(&Point{3, 4})
	show(Name("bob"))
	show([]string{"a", "b"})
	show(map[string]int{"b": 2, "a": 1})
}
