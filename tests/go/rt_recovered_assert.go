package main

import (
	"fmt"
	"runtime"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}
type Square struct{ s float64 }

func (q Square) Area() float64 { return q.s * q.s }

type Named int
type Stringer interface{ String() string }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRt := r.(runtime.Error)
		fmt.Printf("%-16s -> %v (runtime.Error: %v)\n", name, r, isRt)
	}()
	f()
}

func main() {
	var x any = "hello"
	var nilAny any
	var sq any = Square{1}
	var nm any = Named(3)
	var e error
	try("string as int", func() { _ = x.(int) })
	try("nil as string", func() { _ = nilAny.(string) })
	try("Square as Shape", func() { _ = sq.(Shape) })
	try("Named as string", func() { _ = nm.(string) })
	try("Named as Stringer", func() { _ = nm.(Stringer) })
	try("nil as Shape", func() { _ = nilAny.(Shape) })
	try("nil error as T", func() { _ = e.(interface{ Timeout() bool }) })
	try("*Square as Sq", func() { var p any = &Square{}; _ = p.(Square) })
	try("[]int as []str", func() { var s any = []int{1}; _ = s.([]string) })
}
