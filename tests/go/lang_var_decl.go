package main

import "fmt"

var global = "package level"

var (
	a int
	b, c = 1, "two"
	d    float64
	e    bool
	f    string
	g    []int
	h    map[string]int
	p    *int
	fn   func()
	iface any
)

func main() {
	fmt.Println("global:", global)
	fmt.Println("zero int:", a)
	fmt.Println("b, c:", b, c)
	fmt.Println("zero float:", d)
	fmt.Println("zero bool:", e)
	fmt.Printf("zero string: %q\n", f)
	fmt.Println("nil slice:", g, g == nil, len(g))
	fmt.Println("nil map:", h, h == nil, len(h), h["missing"])
	fmt.Println("nil pointer:", p == nil)
	fmt.Println("nil func:", fn == nil)
	fmt.Println("nil interface:", iface, iface == nil)
	var x, y, z = 1, 2.5, 'r'
	fmt.Printf("types: %T %T %T\n", x, y, z)
	var u uint8 = 200
	var w = u + 100
	fmt.Println("uint8 200+100 =", w)
	var arr [3]string
	fmt.Printf("zero array: %q\n", arr)
	type point struct {
		X, Y int
		Name string
	}
	var pt point
	fmt.Printf("zero struct: %+v\n", pt)
}
