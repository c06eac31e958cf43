package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	// len and cap
	arr := [5]int{}
	s := make([]int, 3, 10)
	fmt.Println(len(arr), cap(arr), len(s), cap(s), len("héllo"), len(map[int]int{1: 1}))
	pa := &arr
	fmt.Println("len of array pointer:", len(pa), cap(pa))
	const L = len("const") // constant
	fmt.Println("const len:", L)
	// make
	m := make(map[string]int)
	m["a"] = 1
	zeros := make([]string, 2)
	fmt.Printf("%v %q %d\n", m, zeros, cap(make([]byte, 0, 7)))
	// new
	p := new(Point)
	p.X = 3
	ip := new(int)
	*ip += 5
	sp := new([]int)
	*sp = append(*sp, 1)
	fmt.Println(*p, *ip, *sp)
	// append
	var xs []int
	xs = append(xs)
	fmt.Println(xs == nil)
	xs = append(xs, 1, 2, 3)
	xs = append(xs[:1], xs[2:]...) // delete index 1
	fmt.Println(xs)
	xs = append(xs[:1], append([]int{99}, xs[1:]...)...) // insert at 1
	fmt.Println(xs)
	// copy
	dst := make([]int, 2)
	n := copy(dst, []int{7, 8, 9})
	fmt.Println(n, dst)
	bs := make([]byte, 5)
	n = copy(bs, "hi")
	fmt.Println(n, bs)
	// delete
	delete(m, "a")
	delete(m, "zz")
	fmt.Println(m, len(m))
	// panic and recover are tested in depth elsewhere; print/println write to stderr
	print()
	println()
	fmt.Println("done")
}
