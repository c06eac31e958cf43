package main

// Which uses make a slice escape (its first append then grows from 1, as
// on the heap) and which do not (it keeps Go's 32-byte stack buffer).

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

var global []int

type holder struct{ s []int }

type wide struct {
	s          []int
	a, b, c, d int
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keep(xs []int) { global = xs }

func identity(xs []int) []int { return xs }

type stack []int

func (s stack) top() int { return s[len(s)-1] }

func (s *stack) push(v int) { *s = append(*s, v) }

func main() {
	var a []int
	a = append(a, 1)
	fmt.Println("printed with fmt:", cap(a), a)

	var b []int
	b = append(b, 1)
	global = b
	fmt.Println("stored in a global:", cap(b))

	var c []int
	c = append(c, 1)
	h := holder{s: c}
	fmt.Println("in a local struct:", cap(c), len(h.s))

	var d []int
	d = append(d, 1)
	hp := &holder{}
	hp.s = d
	fmt.Println("through a pointer:", cap(d), len(hp.s))

	var e []int
	e = append(e, 1)
	fmt.Println("to a non-leaking function:", cap(e), sum(e))

	var g []int
	g = append(g, 1)
	keep(g)
	fmt.Println("to a leaking function:", cap(g))

	var g2 []int
	g2 = append(g2, 1)
	g3 := identity(g2)
	fmt.Println("through a function's result, kept local:", cap(g2), len(g3))

	var g4 []int
	g4 = append(g4, 1)
	global = identity(g4)
	fmt.Println("through a function's result to a global:", cap(g4))

	var i []int
	i = append(i, 1)
	m := map[int][]int{}
	m[0] = i
	fmt.Println("map value:", cap(i), len(m))

	var j []int
	j = append(j, 1)
	ch := make(chan []int, 1)
	ch <- j
	fmt.Println("sent on a channel:", cap(j))

	var k []int
	k = append(k, 1)
	pk := &k
	fmt.Println("address taken:", cap(k), len(*pk))

	var n []int
	n = append(n, 1)
	var x any = n
	_ = x
	fmt.Println("in an unused interface variable:", cap(n))

	var n2 []int
	n2 = append(n2, 1)
	var x2 any = n2
	fmt.Println("in an interface that is printed:", cap(n2), x2)

	var o []int
	o = append(o, 1)
	o2 := o
	fmt.Println("copied to another local:", cap(o), len(o2))

	var p []int
	p = append(p, 1)
	var q [][]int
	q = append(q, p)
	fmt.Println("appended into another slice:", cap(p), len(q))

	var s []int
	s = append(s, 1)
	pe := &s[0]
	*pe = 7
	fmt.Println("address of an element:", cap(s), s[0])

	var t []int
	t = append(t, 1)
	done := make(chan bool)
	go func() { _ = len(t); done <- true }()
	<-done
	fmt.Println("captured by a goroutine:", cap(t))

	var u []int
	u = append(u, 1)
	defer fmt.Println("deferred print of len and cap:", cap(u), len(u))

	var w []byte
	w = append(w, 'a')
	str := string(w)
	fmt.Println("converted to string:", cap(w), str)

	var y []int
	y = append(y, 1)
	y2 := y[:1]
	fmt.Println("resliced into a local:", cap(y), len(y2))

	var z []int
	z = append(z, 1)
	copy(z, []int{5})
	zz := make([]int, 1)
	copy(zz, z)
	fmt.Println("copy both ways:", cap(z), zz[0])

	var sp []int
	sp = append(sp, 1)
	var all []int
	all = append(all, sp...)
	fmt.Println("spread into another append:", cap(sp), len(all))

	var st stack
	st = append(st, 1)
	fmt.Println("value-receiver method:", cap(st), st.top())
	var st2 stack
	st2.push(1)
	fmt.Println("pointer-receiver method appending:", cap(st2))

	var srt []int
	srt = append(srt, 3)
	srt = append(srt, 1)
	sort.Ints(srt)
	fmt.Println("sort.Ints:", cap(srt), srt[0])

	var words []string
	words = append(words, "a")
	fmt.Println("strings.Join:", cap(words), strings.Join(words, ","))

	var bs []byte
	bs = append(bs, 'x')
	fmt.Println("utf8.RuneCount:", cap(bs), utf8.RuneCount(bs))

	var nl []byte
	nl = append(nl, '\n')
	os.Stdout.Write(nl)
	fmt.Println("os.Stdout.Write:", cap(nl))

	var field holder
	field.s = append(field.s, 1)
	fmt.Println("field of a small local struct:", cap(field.s))
	h2 := append(field.s, 2)
	fmt.Println("appended from that field:", cap(h2))

	var wf wide
	wf.s = append(wf.s, 1)
	fmt.Println("field of a 5-field local struct (in place):", cap(wf.s))

	var ar [2][]int
	ar[0] = append(ar[0], 1)
	fmt.Println("element of a local array (in place):", cap(ar[0]))

	var one [1][]int
	one[0] = append(one[0], 1)
	fmt.Println("element of a 1-element local array:", cap(one[0]))

	var r []int
	r = append(r, 1)
	if len(r) > 5 {
		panic(r)
	}
	fmt.Println("panicked with (on a path not taken):", cap(r))

	var ret []int
	ret = append(ret, 1)
	fmt.Println("returned from main's closure:", cap(ret), len(func() []int { return nil }()))
}
