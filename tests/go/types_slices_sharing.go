package main

import "fmt"

func main() {
	base := []int{0, 1, 2, 3, 4, 5}
	a := base[1:4]
	b := base[2:5]
	a[1] = 100 // base[2]
	fmt.Println("base:", base, "a:", a, "b:", b)
	// append into spare capacity overwrites the shared array
	c := base[:2]
	c = append(c, -1)
	fmt.Println("after append to c:", base)
	// once capacity is exceeded, append copies
	d := make([]int, 2, 2)
	e := append(d, 7)
	e[0] = 42
	fmt.Println("d:", d, "e:", e)
	// copy
	dst := make([]int, 3)
	n := copy(dst, base)
	fmt.Println("copied", n, dst)
	n = copy(dst, []int{9})
	fmt.Println("copied", n, dst)
	// overlapping copy
	s := []int{1, 2, 3, 4, 5}
	copy(s[1:], s)
	fmt.Println("overlapping copy:", s)
	bs := make([]byte, 3)
	n = copy(bs, "héllo")
	fmt.Println("copy from string:", n, bs)
	// functions receive a slice header copy: element writes are visible, appends are not
	f := func(x []int) {
		x[0] = -5
		x = append(x, 1000)
		x[1] = -6
	}
	t := make([]int, 2, 10)
	f(t)
	fmt.Println("t:", t, "t[:3]:", t[:3])
	u := []int{1, 2}
	f(u)
	fmt.Println("u:", u)
	// nil vs empty
	var ns []int
	es := []int{}
	fmt.Println(ns == nil, es == nil, len(ns), len(es), cap(ns))
	ns = append(ns, 1)
	fmt.Println("append to nil:", ns)
	// 2D slice sharing rows
	row := []int{0, 0}
	grid := [][]int{row, row}
	grid[0][1] = 5
	fmt.Println("shared rows:", grid)
}
