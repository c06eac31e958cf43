package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println("int8:", math.MinInt8, math.MaxInt8)
	fmt.Println("int16:", math.MinInt16, math.MaxInt16)
	fmt.Println("int32:", math.MinInt32, math.MaxInt32)
	fmt.Println("int64:", math.MinInt64, math.MaxInt64)
	fmt.Println("int:", math.MinInt, math.MaxInt)
	fmt.Println("uint8:", math.MaxUint8, "uint16:", math.MaxUint16, "uint32:", uint32(math.MaxUint32))
	fmt.Println("uint64:", uint64(math.MaxUint64), "uint:", uint(math.MaxUint))
	var i8 int8 = math.MaxInt8
	var i16 int16 = math.MaxInt16
	var i32 int32 = math.MaxInt32
	var i64 int64 = math.MaxInt64
	fmt.Println("widening is exact:", int64(i8), int64(i16), int64(i32), i64)
	fmt.Println("narrowing truncates:", int8(i16), int16(i32), int32(i64), int8(i64))
	var u32 uint32 = math.MaxUint32
	fmt.Println("uint32 max to int32:", int32(u32), "to int64:", int64(u32), "to uint8:", uint8(u32))
	f := 1e19
	fmt.Println("float64 1e19 to uint64:", uint64(f))
	g := 3e9
	fmt.Println("3e9 to int64:", int64(g), "to uint32:", uint32(g))
	h := -1.5
	fmt.Println("-1.5 to int:", int(h), "to int8:", int8(h))
	var bigf float64 = math.MaxInt64
	fmt.Println("MaxInt64 as float64:", bigf, bigf == 1<<63)
	var r rune = 0x10FFFF
	fmt.Println("max rune:", r, string(r) == "\U0010FFFF")
}
