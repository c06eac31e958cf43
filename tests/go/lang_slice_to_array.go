package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4}
	a := [4]int(s) // copies
	a[0] = 100
	fmt.Println(s, a)
	p := (*[2]int)(s) // shares the first two elements
	p[1] = 200
	fmt.Println(s, *p)
	b := [2]int(s[2:])
	fmt.Println(b)
	var empty []int
	z := [0]int(empty)
	fmt.Println(z, len(z))
	str := "hey"
	bs := [3]byte([]byte(str))
	fmt.Println(bs, string(bs[:]))
}
