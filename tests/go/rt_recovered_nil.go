package main

import "fmt"

type T struct{ n int }

func (t *T) Get() int { return t.n }
func (t T) Val() int  { return t.n }

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-12s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	var p *T
	var ip *int
	var fn func()
	var m map[string]int
	var arrp *[3]int
	try("p.n", func() { _ = p.n })
	try("p.Get()", func() { _ = p.Get() })
	try("p.Val()", func() { _ = p.Val() })
	try("*ip = 1", func() { *ip = 1 })
	try("fn()", func() { fn() })
	try("m[k] = v", func() { m["k"] = 1 })
	try("arrp[1]", func() { _ = arrp[1] })
	try("len(arrp)", func() { fmt.Println("len of nil *[3]int:", len(arrp)) })
	try("m[k] read", func() { _ = m["k"] })
}
