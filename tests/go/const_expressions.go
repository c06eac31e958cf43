package main

import (
	"fmt"
	"math"
)

const (
	secondsPerMinute = 60
	minutesPerHour   = 60
	hoursPerDay      = 24
	secondsPerDay    = secondsPerMinute * minutesPerHour * hoursPerDay
)

const greeting = "hello, " + "world"
const length = len(greeting)
var firstByte = greeting[0]

const (
	maxU8  = 1<<8 - 1
	minI8  = -1 << 7
	maxI64 = 1<<63 - 1
)

const isBig = secondsPerDay > 80000
const ratio = 22.0 / 7
const truncated = int(22 / 7)

func main() {
	fmt.Println("seconds per day:", secondsPerDay)
	fmt.Println(greeting, length, firstByte)
	fmt.Printf("%T %T\n", length, firstByte)
	fmt.Println("limits:", maxU8, minI8, maxI64)
	fmt.Println("maxI64 == math.MaxInt64:", maxI64 == math.MaxInt64)
	fmt.Println("bool const:", isBig)
	fmt.Println("ratio:", ratio, "truncated:", truncated)
	var arr [secondsPerMinute / 20]int
	fmt.Println("array len from const:", len(arr))
	fmt.Println("math.Pi:", math.Pi, "math.E:", math.E)
	fmt.Println("math.Pi as float32:", float32(math.Pi))
	fmt.Println("math.MaxInt32, MinInt32:", math.MaxInt32, math.MinInt32)
	fmt.Println("math.MaxInt8, MaxUint8, MaxUint16:", math.MaxInt8, math.MaxUint8, math.MaxUint16)
	fmt.Println("math.MaxInt, MinInt64:", math.MaxInt, math.MinInt64)
	fmt.Println("MaxFloat64:", math.MaxFloat64, "SmallestNonzeroFloat64:", math.SmallestNonzeroFloat64)
	fmt.Println("MaxFloat32:", math.MaxFloat32)
	const x = 5 % 3
	const y = -5 % 3
	const z = 5.5 * 2
	fmt.Println(x, y, z)
	fmt.Printf("%T\n", z)
	fmt.Println("shift const by const:", 1<<3<<2, 0xF0>>4)
	fmt.Println("^0:", ^0, "complement const:", ^-1)
}
