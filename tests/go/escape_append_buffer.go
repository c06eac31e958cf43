package main

// Go 1.25+ starts a non-escaping slice's first append in a 32-byte stack
// buffer: cap is 32 / element size at once, when the appended elements fit.

import "fmt"

type t24 struct{ a, b, c int64 }
type t40 struct{ a, b, c, d, e int64 }
type t12 struct{ a, b, c int32 }

func main() {
	var a []int
	a = append(a, 1)
	fmt.Println("nil var:", len(a), cap(a))

	b := []int{}
	b = append(b, 1)
	fmt.Println("empty literal:", cap(b))

	c := make([]int, 0)
	c = append(c, 1)
	fmt.Println("make 0:", cap(c))

	d := make([]int, 0, 2)
	d = append(d, 1, 2, 3)
	fmt.Println("make(0,2) + 3 at once:", cap(d))

	e := make([]int, 0, 2)
	e = append(e, 1)
	e = append(e, 2)
	e = append(e, 3)
	fmt.Println("make(0,2) + 1 + 1 + 1:", cap(e))

	var f []int
	f = append(f, 1, 2, 3)
	fmt.Println("nil + 3 ints:", cap(f))

	var g []int
	g = append(g, 1, 2, 3, 4)
	fmt.Println("nil + 4 ints:", cap(g))

	var h []int
	h = append(h, 1, 2, 3, 4, 5)
	fmt.Println("nil + 5 ints (does not fit):", cap(h))

	var i []int
	i = append(i, []int{1, 2}...)
	fmt.Println("nil + spread of 2 (no buffer):", cap(i))

	var j []byte
	j = append(j, "ab"...)
	fmt.Println("[]byte + string spread (no buffer):", cap(j))

	var k []int
	k = append(k, 1)
	k = append(k, 2, 3, 4, 5)
	fmt.Println("nil + 1 + 4:", cap(k))

	var l []int
	l = append(l, make([]int, 0)...)
	l = append(l, 1)
	fmt.Println("spread first, then 1:", cap(l))

	var t1 []t24
	t1 = append(t1, t24{})
	fmt.Println("24-byte struct:", cap(t1))
	var t2 []t40
	t2 = append(t2, t40{})
	fmt.Println("40-byte struct:", cap(t2))
	var t3 []t12
	t3 = append(t3, t12{})
	t3 = append(t3, t12{})
	t3 = append(t3, t12{})
	fmt.Println("12-byte struct x3:", cap(t3))
	var bo []bool
	bo = append(bo, true)
	fmt.Println("bool:", cap(bo))
	var i16 []int16
	i16 = append(i16, 1)
	fmt.Println("int16:", cap(i16))
	var f32 []float32
	f32 = append(f32, 1)
	fmt.Println("float32:", cap(f32))
	var f64 []float64
	f64 = append(f64, 1)
	fmt.Println("float64:", cap(f64))
	var arr [][4]int64
	arr = append(arr, [4]int64{})
	fmt.Println("[4]int64:", cap(arr))
	var empty []struct{}
	empty = append(empty, struct{}{})
	fmt.Println("struct{}:", cap(empty))
	var ptrs []*int
	ptrs = append(ptrs, nil)
	fmt.Println("*int:", cap(ptrs))
	var ifaces []any
	ifaces = append(ifaces, 1)
	fmt.Println("any:", cap(ifaces))
	var nested [][]int
	nested = append(nested, nil)
	fmt.Println("[]int elements:", cap(nested))
	var strs []string
	strs = append(strs, "a", "b", "c")
	fmt.Println("3 strings (48 bytes):", cap(strs))
	var runes []rune
	runes = append(runes, 'x')
	fmt.Println("rune:", cap(runes))

	q := append([]int(nil), 1)
	q2 := append([]int(nil), 1)
	fmt.Println("append to a nil conversion, twice:", cap(q), cap(q2))

	var r []int
	r2 := append(r, 1)
	r3 := append(r, 1)
	fmt.Println("two appends to the same variable:", cap(r2), cap(r3), cap(r))

	var n []int
	n = append(n)
	n = append(n, 1)
	fmt.Println("append of nothing first:", cap(n))

	fmt.Println("cap of an unnamed append:", cap(append([]byte(nil), 'x')))

	var grow []int
	prev := -1
	fmt.Print("[]int growth:")
	for x := 0; x < 40; x++ {
		grow = append(grow, x)
		if cap(grow) != prev {
			prev = cap(grow)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()
}
