package main

import "fmt"

type Point struct {
	X, Y int
}

type Person struct {
	Name    string
	Age     int
	Tags    []string
	Meta    map[string]int
	Home    *Point
	private bool
	Any     any
	Err     error
}

type Wrapper struct {
	Point
	Label string
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%%v: %v\n", p)
	fmt.Printf("%%+v: %+v\n", p)
	fmt.Printf("%%#v: %#v\n", p)
	fmt.Printf("%%T: %T\n", p)
	pp := &p
	fmt.Printf("pointer: %v %+v %#v\n", pp, pp, pp != nil)
	per := Person{Name: "Ann", Age: 30, Tags: []string{"a", "b"}, Meta: map[string]int{"z": 1, "a": 2}, Any: 5}
	fmt.Printf("%v\n", per)
	fmt.Printf("%+v\n", per)
	fmt.Printf("%#v\n", per)
	w := Wrapper{Point{3, 4}, "w"}
	fmt.Printf("%v | %+v | %#v\n", w, w, w)
	fmt.Printf("slice of structs: %v %+v\n", []Point{{1, 2}, {3, 4}}, []Point{{5, 6}})
	fmt.Printf("%%#v slice/map: %#v %#v %#v\n", []int{1, 2}, map[string]bool{"b": true, "a": false}, []string{"x"})
	fmt.Printf("%%#v nil: %#v %#v %#v %#v\n", []int(nil), map[int]int(nil), (*Point)(nil), nil)
	fmt.Printf("%%#v basic: %#v %#v %#v %#v %#v\n", 42, "str", 'r', true, uint8(7))
	fmt.Printf("%%#v array: %#v\n", [2]bool{true})
	fmt.Printf("%%#v anonymous struct: %#v\n", struct {
		A int
		B string
	}{1, "x"})
	fmt.Printf("%%#v any slice: %#v\n", []any{1, "a", nil})
	fmt.Printf("%%v nested pointer field: %v\n", Person{Name: "B"}.Home)
	fmt.Printf("%%v empty struct: %v %+v %#v\n", struct{}{}, struct{}{}, struct{}{})
	fmt.Printf("%%d on struct: %d\n", p)
	fmt.Printf("%%x on slice: %x %X\n", []int{10, 255}, []int{10, 255})
	fmt.Printf("width on slice applies to elements: [%4d]\n", []int{1, 22})
	fmt.Printf("%%s on struct with strings: %s\n", struct{ A, B string }{"x", "y"})
}
