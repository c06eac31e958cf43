// methods: 5,000,000 method calls on a small struct by value, then 5,000,000 by pointer, prints a checksum.
package main

import "fmt"

type Vec struct {
	x, y int
}

func (v Vec) dot(k int) int {
	return v.x*k + v.y
}

func (v *Vec) step(k int) {
	v.x += k
	v.y ^= k
}

func main() {
	n := 5000000
	v := Vec{3, 4}
	sum := 0
	for i := 0; i < n; i++ {
		sum += v.dot(i & 7)
	}
	p := &Vec{1, 2}
	for i := 0; i < n; i++ {
		p.step(i & 7)
	}
	fmt.Println(sum, p.x, p.y)
}
