package main

import "fmt"

func add(x, y int) (sum int) { return x + y }

func logf(format string, args ...any) {}

type Handler func(w string, code int) (n int, err error)

func main() {
	var h Handler = func(w string, code int) (n int, err error) { return 0, nil }
	var f func(int, int) int = add
	vals := []any{1, "a"}
	var anyv any = 3
	var m map[string]any
	fmt.Printf("%T\n", add)
	fmt.Printf("%T\n", logf)
	fmt.Printf("%T\n", h)
	fmt.Printf("%T\n", f)
	fmt.Printf("%T\n", vals)
	fmt.Printf("%T\n", anyv)
	fmt.Printf("%T\n", m)
	fmt.Printf("%T\n", func(a ...any) (err error) { return nil })
	var g interface{} = add
	_, ok := g.(func(int, int) int)
	fmt.Println(ok, f(1, 2))
	fmt.Printf("%v %T\n", []any{nil}, &vals)
}
