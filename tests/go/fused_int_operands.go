// The fused int ops (ShrIntImmXor, AddIntImmCall, the constant-limit loop
// back-edge) with every way their halves can share registers: the Xor
// reading the shift's source, its result, both, neither, in either order,
// and a shift that overwrites its own source.
package main

import "fmt"

func dec(n int) int { return n - 1 }

func depth(n int) int {
	if n <= 0 {
		return 0
	}
	return 1 + depth(n-1)
}

func mix(x, z int) []int {
	a := x ^ (x >> 3)
	b := (x >> 5) ^ x
	c := (x >> 2) ^ z
	d := z ^ (x >> 7)
	t := x >> 1
	e := t ^ t
	x >>= 4
	f := x ^ z
	g := (x >> 70) ^ x
	h := -x ^ (-x >> 63)
	return []int{a, b, c, d, e, f, g, h}
}

func main() {
	fmt.Println(mix(123456789, 987654321))
	fmt.Println(mix(-123456789, 42))
	fmt.Println(dec(10), depth(25))
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += i ^ (i >> 3)
	}
	fmt.Println(sum)
	n := 0
	for i := -5; i < 3; i++ {
		n += i
	}
	for i := 10; i < 3; i++ {
		n += 1000
	}
	fmt.Println(n)
}
