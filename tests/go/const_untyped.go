package main

import (
	"fmt"
	"math"
)

const big = 1 << 100
const huge = big * big
const third = 1.0 / 3

func main() {
	fmt.Println("big >> 98:", big>>98)
	fmt.Println("huge >> 195:", huge>>195)
	fmt.Println("big / (1<<90):", big/(1<<90))
	fmt.Println("constant 0.1+0.2:", 0.1+0.2)
	fmt.Println("constant 0.1+0.2 == 0.3:", 0.1+0.2 == 0.3)
	x, y := 0.1, 0.2
	fmt.Println("runtime 0.1+0.2 == 0.3:", x+y == 0.3)
	fmt.Println("third * 3 == 1:", third*3 == 1)
	fmt.Println("1 << 62:", 1<<62)
	fmt.Println("untyped float to int when exact:", int64(1e18), 3.0+int(2))
	var f float64 = big // exact enough as a float
	fmt.Println("2^100 as float64:", f)
	fmt.Println("math.MaxUint64:", uint64(math.MaxUint64))
	fmt.Println("MaxInt64+1 as float:", float64(math.MaxInt64+1))
	const c = 'a' + 1 // untyped rune
	fmt.Printf("%v %T %c\n", c, c, c)
	const s = "con" + "cat"
	fmt.Println(s, len(s))
	const e = 1e3
	var i int = e // e is exactly representable as int
	fmt.Println("int from 1e3:", i)
	fmt.Println("7/2 int:", 7/2, "7/2.0:", 7/2.0, "(7/2)*2.0:", (7/2)*2.0)
	fmt.Println("big-precision:", (big+1)-big, 1e100/1e99)
	fmt.Println("huge float const:", 1e300*1e300/1e300)
	fmt.Println("typed default of 1<<10:", fmt.Sprintf("%T", 1<<10), fmt.Sprintf("%T", 2.0*3), fmt.Sprintf("%T", 'x'*2))
	const mask = ^uint8(0)
	fmt.Println("^uint8(0):", mask)
	const neg = -5
	fmt.Println("uint of const via var:", uint8(neg+260))
	fmt.Println("constant comparison:", big > math.MaxInt64, "bool const:", 1 < 2)
}
