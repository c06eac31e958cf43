package main

import (
	"fmt"
	"math"
)

func main() {
	var a int8 = math.MaxInt8
	a++
	fmt.Println("int8 max+1:", a)
	a = math.MinInt8
	a--
	fmt.Println("int8 min-1:", a)
	var a2 int8 = 100
	fmt.Println("int8 100*3:", a2*3, "100+100:", a2+a2)
	var b int16 = math.MaxInt16
	b++
	fmt.Println("int16 max+1:", b)
	var b2 int16 = 300
	fmt.Println("int16 300*300:", b2*b2)
	var c int32 = math.MaxInt32
	c++
	fmt.Println("int32 max+1:", c)
	var c2 int32 = 65536
	fmt.Println("int32 65536*65536:", c2*c2, "65536*32768:", c2*32768)
	var d int64 = math.MaxInt64
	d++
	fmt.Println("int64 max+1:", d)
	var e int = math.MinInt64
	e--
	fmt.Println("int min-1:", e)
	var r rune = math.MaxInt32
	r += 2
	fmt.Println("rune max+2:", r)
	// negating the minimum value gives the minimum value again
	var m8 int8 = -128
	fmt.Println("-int8(-128):", -m8)
	var m64 int64 = math.MinInt64
	fmt.Println("-MinInt64:", -m64)
	// MinInt / -1 does not panic: it wraps
	var neg int64 = -1
	fmt.Println("MinInt64 / -1:", m64/neg, "MinInt64 % -1:", m64%neg)
	var m32 int32 = math.MinInt32
	var n32 int32 = -1
	fmt.Println("MinInt32 / -1:", m32/n32)
	var m8b int8 = -128
	var n8 int8 = -1
	fmt.Println("MinInt8 / -1:", m8b/n8)
	// multiplication overflow
	var big int64 = 1 << 40
	fmt.Println("2^40 * 2^40 (int64):", big*big)
	var f int64 = 3037000500
	fmt.Println("3037000500^2:", f*f)
}
