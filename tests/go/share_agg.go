// Struct and array arguments passed by value: every way a callee or caller
// could observe the argument sharing storage with the caller's variable.
package main

import "fmt"

type Vec struct {
	x, y int
}

type Inner struct{ a, b int }

type Outer struct {
	in Inner
	n  int
}

var gp *Vec
var gx *int
var kept []Vec

func (v Vec) dot(k int) int { return v.x*k + v.y }

// readAfterPtrWrite only reads v, but writes the caller's variable through a pointer first.
func readAfterPtrWrite(v Vec) int {
	gp.x = 100
	return v.x
}

func readAfterFieldPtrWrite(v Vec) int {
	*gx = 200
	return v.x + v.y
}

func (v Vec) viaGlobal() int {
	gp.y = 300
	return v.y
}

func mutate(v Vec) int {
	v.x++
	return v.x
}

func keep(v Vec) int {
	kept = append(kept, v)
	return v.x
}

func ret(v Vec) Vec { return v }

func callsBack(v Vec, f func()) int {
	f()
	return v.x
}

func waitThenRead(v Vec, start chan bool, done chan bool) (int, int) {
	before := v.x
	start <- true
	<-done
	return before, v.x
}

func sumArr(a [4]int) int {
	s := 0
	for i := 0; i < len(a); i++ {
		s += a[i]
	}
	return s
}

func arrAfterWrite(a [4]int, p *int) int {
	*p = 1000
	return a[1]
}

func outerRead(o Outer, p *Inner) int {
	p.a = 77
	return o.in.a + o.n
}

func show(tag string, v Vec) { fmt.Println(tag, v.x, v.y) }

func showThen(tag string, v Vec, done chan bool) {
	show(tag, v)
	done <- true
}

func both(a, b Vec) int { return a.x*10 + b.x }

func boom(v Vec) int {
	if v.x > 0 {
		panic(fmt.Sprint("boom ", v.x))
	}
	return v.y
}

func depth(v Vec, n int) int {
	if n == 0 {
		return v.x
	}
	return depth(v, n-1) + v.y
}

func safeBoom(v Vec) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = -1
		}
	}()
	return boom(v)
}

func asIface(v Vec) any { return v }

func main() {
	v := Vec{3, 4}
	fmt.Println(v.dot(2), v.dot(3))

	gp = &v
	fmt.Println(readAfterPtrWrite(v), v.x)
	fmt.Println(v.viaGlobal(), v.y)
	gp = nil

	w := Vec{5, 6}
	gx = &w.x
	fmt.Println(readAfterFieldPtrWrite(w), w.x)
	gx = nil

	u := Vec{1, 2}
	fmt.Println(mutate(u), mutate(u), u.x)
	fmt.Println(keep(u), keep(u))
	u.x = 9
	fmt.Println(kept[0].x, kept[1].x, u.x)
	r := ret(u)
	u.x = 10
	fmt.Println(r.x, u.x)

	c := Vec{1, 1}
	fmt.Println(callsBack(c, func() { c.x = 50 }), c.x)

	g := Vec{7, 7}
	pg := &g
	start, done := make(chan bool), make(chan bool)
	go func(p *Vec, start, done chan bool) {
		<-start
		p.x = 70
		done <- true
	}(pg, start, done)
	b, a := waitThenRead(g, start, done)
	fmt.Println(b, a, g.x)

	arr := [4]int{1, 2, 3, 4}
	fmt.Println(sumArr(arr))
	fmt.Println(arrAfterWrite(arr, &arr[1]), arr[1])

	o := Outer{Inner{1, 2}, 3}
	fmt.Println(outerRead(o, &o.in), o.in.a)

	p := &Vec{8, 9}
	gp = p
	fmt.Println(p.viaGlobal(), p.y)
	gp = nil

	s := Vec{1, 2}
	defer show("deferred", s)
	shown := make(chan bool)
	go showThen("go", s, shown)
	s.x = 99
	<-shown
	show("now", s)

	fmt.Println(both(s, s))

	total := 0
	t := Vec{0, 1}
	for i := 0; i < 5; i++ {
		show("loop", t)
		total += t.dot(i)
		t.x = i
	}
	fmt.Println(total)

	fmt.Println(depth(Vec{2, 3}, 4))
	fmt.Println(safeBoom(Vec{1, 5}), safeBoom(Vec{0, 5}))
	x := asIface(t)
	t.x = 1234
	fmt.Println(x, t)
	done2 := make(chan bool)
	go func() { done2 <- true }()
	<-done2
}
