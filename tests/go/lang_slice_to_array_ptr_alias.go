package main

import "fmt"

type pt struct{ X, Y int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "->", r)
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	p := (*[3]int)(s[1:4])
	*p = [3]int{20, 30, 40}
	fmt.Println(s, *p, len(p), cap(p[:]))
	q := (*[3]int)(s[1:])
	fmt.Println(p == q, &s[1] == &p[0], fmt.Sprintf("%p", p) == fmt.Sprintf("%p", &s[1]))
	r := p[1:]
	r[0] = 300
	fmt.Println(s, len(r), cap(r))
	e := &p[2]
	*e = 400
	fmt.Println(s)
	for i := range p {
		p[i]++
	}
	fmt.Println(s)
	ps := []pt{{1, 2}, {3, 4}, {5, 6}}
	pp := (*[2]pt)(ps[1:])
	pp[0].X = 30
	v := *pp
	v[1].Y = 60
	fmt.Println(ps, v)
	var nilp *[2]int
	try("index", func() { _ = nilp[0] })
	try("store", func() { nilp[1] = 3 })
	try("addr", func() { _ = &nilp[1] })
	try("len", func() { fmt.Println(len(nilp)) })
	try("range", func() {
		for i := range nilp {
			fmt.Println(i)
		}
	})
	try("short", func() { _ = (*[6]int)(s) })
	m := map[*[3]int]int{p: 1}
	m[q]++
	fmt.Println(len(m), m[p])
}
