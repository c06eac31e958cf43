package main

import "fmt"

type Inner struct {
	N int
	S []string
}

type All struct {
	B    bool
	I    int
	I8   int8
	U64  uint64
	F32  float32
	F64  float64
	Str  string
	R    rune
	By   byte
	Arr  [2]int
	Sl   []int
	M    map[string]int
	P    *int
	Fn   func()
	If   any
	Err  error
	In   Inner
	InP  *Inner
}

func main() {
	var a All
	fmt.Printf("%v\n", a)
	fmt.Printf("%+v\n", a)
	fmt.Println(a.Sl == nil, a.M == nil, a.P == nil, a.Fn == nil, a.If == nil, a.Err == nil, a.InP == nil)
	p := new(All)
	fmt.Println(p.In.N, len(p.In.S), p.Str == "")
	var arr [3]Inner
	fmt.Printf("%+v\n", arr)
	s := make([]string, 3)
	fmt.Printf("%q\n", s)
	m := make(map[string][]int)
	fmt.Println(m["x"] == nil, len(m["x"]))
}
