package main

import "fmt"

func main() {
	var s []int
	prev := -1
	fmt.Print("[]int caps:")
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			prev = cap(s)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var b []byte
	prev = -1
	fmt.Print("[]byte caps:")
	for i := 0; i < 5000; i++ {
		b = append(b, byte(i))
		if cap(b) != prev {
			prev = cap(b)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var str []string
	prev = -1
	fmt.Print("[]string caps:")
	for i := 0; i < 600; i++ {
		str = append(str, "x")
		if cap(str) != prev {
			prev = cap(str)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	type triple struct{ a, b, c int64 }
	var ts []triple
	prev = -1
	fmt.Print("[]struct{3 x int64} caps:")
	for i := 0; i < 300; i++ {
		ts = append(ts, triple{})
		if cap(ts) != prev {
			prev = cap(ts)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	var i32 []int32
	prev = -1
	fmt.Print("[]int32 caps:")
	for i := 0; i < 1000; i++ {
		i32 = append(i32, 1)
		if cap(i32) != prev {
			prev = cap(i32)
			fmt.Print(" ", prev)
		}
	}
	fmt.Println()

	// appending several elements at once
	x := []int{1, 2, 3}
	x = append(x, 4, 5, 6, 7)
	fmt.Println("append 4 to len 3:", len(x), cap(x))
	y := append([]int(nil), make([]int, 11)...)
	fmt.Println("append 11 to nil:", len(y), cap(y))
	z := append([]byte("abc"), "defgh"...)
	fmt.Println("append string to []byte:", len(z), cap(z))
	w := make([]int, 5, 5)
	w = append(w, 1)
	fmt.Println("make(5,5)+1:", len(w), cap(w))
	v := make([]int, 700)
	v = append(v, 1)
	fmt.Println("len 700 + 1:", len(v), cap(v))
}
