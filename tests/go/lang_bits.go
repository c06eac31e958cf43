package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func reverseBits(x uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func isPowerOfTwo(x int) bool { return x > 0 && x&(x-1) == 0 }

func main() {
	for _, v := range []uint64{0, 1, 255, 1 << 63, 0xdeadbeef, ^uint64(0)} {
		fmt.Printf("popcount(%#x) = %d\n", v, popcount(v))
	}
	for _, v := range []uint8{1, 0b1011, 0x80, 0xff} {
		fmt.Printf("reverse(%08b) = %08b\n", v, reverseBits(v))
	}
	for _, v := range []int{0, 1, 2, 3, 64, 96, 1024} {
		fmt.Print(v, ":", isPowerOfTwo(v), " ")
	}
	fmt.Println()
	var flags uint16
	flags |= 1 << 3
	flags |= 1 << 10
	fmt.Printf("flags=%016b set3=%v set4=%v\n", flags, flags&(1<<3) != 0, flags&(1<<4) != 0)
	flags &^= 1 << 3
	flags ^= 0xff
	fmt.Printf("flags=%016b %d\n", flags, flags)
	x := int32(-1)
	fmt.Println("int32(-1) as uint32:", uint32(x), "uint32>>28:", uint32(x)>>28, "int32>>28:", x>>28)
	// lowest set bit
	y := 0b10110000
	fmt.Printf("lowest set bit of %b: %b\n", y, y&-y)
	// xor swap
	a, b := 12, 34
	a ^= b
	b ^= a
	a ^= b
	fmt.Println("xor swap:", a, b)
	var rb uint8 = 0b1001_0110
	fmt.Printf("byte rotate: %08b\n", rb<<3|rb>>5)
}
