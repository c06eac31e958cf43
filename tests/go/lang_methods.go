package main

import "fmt"

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

func (r Rect) ScaledCopy(k int) Rect {
	r.W *= k
	r.H *= k
	return r
}

func (r *Rect) Scale(k int) {
	r.W *= k
	r.H *= k
}

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

func main() {
	r := Rect{2, 3}
	fmt.Println("area:", r.Area())
	c := r.ScaledCopy(10)
	fmt.Println("copy:", c, "original:", r)
	r.Scale(2) // automatic &r
	fmt.Println("after Scale:", r)
	p := &r
	fmt.Println("area via pointer:", p.Area()) // automatic *p
	p.Scale(3)
	fmt.Println("after p.Scale:", r)
	fmt.Println("100C =", Celsius(100).Fahrenheit(), "F")
	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(39)
	fmt.Println("list:", l, "sum:", l.Sum())
	rects := []Rect{{1, 1}, {2, 2}}
	for i := range rects {
		rects[i].Scale(5) // slice elements are addressable
	}
	fmt.Println(rects)
	m := map[string]*Rect{"a": {1, 2}}
	m["a"].Scale(4)
	fmt.Println(*m["a"])
}
