// A shift of an untyped constant by a variable takes its type from the context, also inside a larger untyped expression.
package main

import (
	"fmt"
	"math"
)

func main() {
	e := 3
	var f uint8 = 1 << e
	var g uint64 = 5 | 1<<e
	var h uint64 = 1<<63 | 1<<e
	k := uint16(1<<e) + 1
	var m int32 = (1<<e + 2) * 3
	n := 1<<e | 1
	bits := math.Float64frombits(1<<e | 0x3FF0000000000000)
	var big uint64 = 1<<(e+60) | 1
	fmt.Println(f, g, h, k, m, n, bits, big)
	fmt.Printf("%T %T %T\n", 1<<e|2, g&^(1<<e), int8(1<<e)-1)
}
