package main

import (
	"fmt"
	"math"
)

func main() {
	var a uint8 = 255
	a++
	fmt.Println("uint8 255+1:", a)
	a = 0
	a--
	fmt.Println("uint8 0-1:", a)
	var by byte = 200
	fmt.Println("byte 200*2:", by*2, "200+100:", by+100)
	var b uint16 = math.MaxUint16
	b++
	fmt.Println("uint16 max+1:", b)
	var b2 uint16 = 1000
	fmt.Println("uint16 1000*1000:", b2*b2)
	var c uint32 = math.MaxUint32
	c++
	fmt.Println("uint32 max+1:", c)
	var c2 uint32 = 0
	c2--
	fmt.Println("uint32 0-1:", c2)
	var d uint64 = math.MaxUint64
	d++
	fmt.Println("uint64 max+1:", d)
	var d2 uint64 = 0
	d2--
	fmt.Println("uint64 0-1:", d2)
	var e uint = 0
	e--
	fmt.Println("uint 0-1:", e)
	var p uintptr = 0
	p--
	fmt.Println("uintptr 0-1:", p)
	var q uintptr = 8
	fmt.Println("uintptr 8*3:", q*3)
	// unsigned division and modulo
	var x uint8 = 250
	fmt.Println("uint8 250/7, 250%7:", x/7, x%7)
	var big uint64 = 1 << 63
	fmt.Println("uint64 2^63 * 2:", big*2, "2^63 + 2^63 - 1:", big+(big-1))
	// ^ on unsigned flips all bits
	var u16 uint16 = 0x00ff
	fmt.Println("^uint16(0x00ff):", ^u16)
	var u32 uint32 = 1
	fmt.Println("-uint32(1):", -u32)
	// a loop that relies on wraparound
	var count uint8
	n := 0
	for count = 250; count != 4; count++ {
		n++
	}
	fmt.Println("iterations from 250 to 4 (wrapping):", n)
}
