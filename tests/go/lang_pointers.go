package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func newInt(v int) *int { return &v } // escapes: fine in Go

func swap(a, b *int) { *a, *b = *b, *a }

func main() {
	x := 1
	p := &x
	*p = 5
	inc(p)
	inc(&x)
	fmt.Println("x =", x, "*p =", *p)
	q := newInt(10)
	r := newInt(10)
	fmt.Println("*q == *r:", *q == *r, "q == r:", q == r)
	a, b := 1, 2
	swap(&a, &b)
	fmt.Println("swapped:", a, b)
	n := new(int)
	fmt.Println("new(int):", *n)
	*n = 3
	pp := &n
	**pp = 4
	fmt.Println("via **:", *n)
	head := &Node{1, &Node{2, &Node{3, nil}}}
	for cur := head; cur != nil; cur = cur.Next {
		fmt.Print(cur.Val, " ")
	}
	fmt.Println()
	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[1] = 20 // automatic deref for indexing
	fmt.Println("array via pointer:", arr, len(pa))
	for i, v := range pa {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	s := []int{1, 2, 3}
	pe := &s[1]
	*pe = 99
	fmt.Println("pointer to slice element:", s)
	type T struct{ A [2]int }
	t := T{}
	pf := &t.A[1]
	*pf = 5
	fmt.Println("pointer to nested field:", t)
	var np *Node
	fmt.Println("nil pointer == nil:", np == nil)
	ns := new(Node)
	fmt.Printf("new(Node): %+v\n", *ns)
}
