package main

// A frame takes each append site's stack buffer at most once: a slice
// declared in a loop body, or reset to nil, grows from 1 afterwards. Only the
// first append of each variable (in code order) has the buffer.

import "fmt"

//go:noinline
func fresh() int {
	var s []int
	s = append(s, 1)
	return cap(s)
}

//go:noinline
func recurse(d int) string {
	var s []int
	s = append(s, d)
	if d == 0 {
		return fmt.Sprint(cap(s))
	}
	return fmt.Sprint(cap(s), " ", recurse(d-1))
}

func main() {
	for i := 0; i < 3; i++ {
		var s []int
		s = append(s, i)
		fmt.Println("declared in the loop body:", i, cap(s))
	}

	var t []int
	for i := 0; i < 3; i++ {
		t = nil
		t = append(t, i)
		fmt.Println("reset to nil:", i, cap(t))
	}

	var u []int
	u = append(u, 1)
	u = u[:0]
	u = append(u, 1, 2, 3, 4, 5)
	fmt.Println("buffer, [:0], then 5:", cap(u))

	var v []int
	v = append(v, 1, 2, 3, 4, 5)
	v = nil
	v = append(v, 1)
	fmt.Println("first append too big, then nil + 1:", cap(v))

	var x []int
	if len(x) == 0 {
		x = append(x, 1)
	} else {
		x = append(x, 2)
	}
	fmt.Println("then-branch append runs:", cap(x))

	var y []int
	if len(y) == 1 {
		y = append(y, 1)
	} else {
		y = append(y, 2)
	}
	fmt.Println("else-branch append runs:", cap(y))

	var sw []int
	switch len(sw) {
	case 1:
		sw = append(sw, 1)
	default:
		sw = append(sw, 2)
	}
	fmt.Println("second switch case runs:", cap(sw))

	var c []int
	for i := 0; i < 3; i++ {
		c = append(c[:0], i)
		fmt.Println("append(c[:0], i):", i, cap(c))
	}

	var d []int
	d = append(d, 1)
	d = append(d[:0], 1, 2, 3, 4, 5, 6)
	fmt.Println("d[:0] + 6:", cap(d))

	var f []int
	f = append(f, 1)
	f = append(f, 2)
	f = nil
	f = append(f, 3)
	fmt.Println("after nil, a later site:", cap(f))

	for i := 0; i < 3; i++ {
		fmt.Println("a call's fresh frame:", fresh())
	}
	fmt.Println("recursion:", recurse(3))

	done := make(chan int)
	go func() {
		var s []int
		s = append(s, 1)
		done <- cap(s)
	}()
	fmt.Println("inside a goroutine:", <-done)

	for i := range 2 {
		var m []byte
		for j := 0; j < 40; j++ {
			m = append(m, 'x')
		}
		fmt.Println("[]byte of 40 built in loop body:", i, cap(m))
	}
}
