// Shifts of untyped constants by variables, nested, converted, and of float constants with integer values: each constant takes the type of its context.
package main

import "fmt"

type Small int8

func main() {
	e := uint(3)
	fmt.Println(1<<e<<e, 255<<e>>e, uint8(255<<e>>e), uint16(1<<(e+13)), int64(1<<e)+1)
	var x int8 = 1 << e << e
	var g uint64 = 1.0<<e + 1
	var h int = 2.0 << e
	k := uint8(4.0 << e)
	s := Small(1 << e)
	fmt.Println(x, g, h, k, s)
	fmt.Printf("%T %T %T\n", uint8(255<<e>>e), s, 1<<e<<e)
	var big uint64 = 1<<63 | 1<<e<<e
	fmt.Println(big, uint32(0xFFFFFFFF<<e>>e))
}
