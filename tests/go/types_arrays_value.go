package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) { a[0] = 100 }

type Matrix [2][2]int

func main() {
	a := [3]int{1, 2, 3}
	b := a // copy
	b[1] = 20
	fmt.Println("a:", a, "b:", b)
	c := modify(a)
	fmt.Println("after modify(a): a:", a, "returned:", c)
	modifyPtr(&a)
	fmt.Println("after modifyPtr(&a):", a)
	m := Matrix{{1, 2}, {3, 4}}
	n := m
	n[0][0] = 9
	fmt.Println("m:", m, "n:", n, "equal:", m == n)
	type S struct{ Arr [2]string }
	s1 := S{[2]string{"x", "y"}}
	s2 := s1
	s2.Arr[0] = "changed"
	fmt.Println(s1, s2)
	arrs := [][2]int{{1, 2}}
	first := arrs[0]
	first[0] = 99
	fmt.Println("slice of arrays unchanged:", arrs)
	arrs[0][0] = 99
	fmt.Println("after direct write:", arrs)
	mp := map[string][2]int{"k": {1, 2}}
	v := mp["k"]
	v[0] = 5
	fmt.Println("map of arrays:", mp, v)
	fmt.Println("len of array type:", len([5]int{}), len(Matrix{}))
	var zero [4]bool
	fmt.Println("zero array:", zero)
	arrOfSlices := [2][]int{{1}, {2}}
	cp := arrOfSlices
	cp[0][0] = 100 // the slices inside share storage
	fmt.Println("array of slices copy shares elements:", arrOfSlices)
}
