package main

import "fmt"

func main() {
	var a, b uint = 3, 5
	fmt.Println("3-5 (uint):", a-b)
	fmt.Println("(3-5)/2:", (a-b)/2)
	var x uint32 = 0xFFFF_FFFF
	fmt.Println("x*x (uint32):", x*x)
	var h uint32 = 2166136261
	for _, c := range []byte("gomini") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println("FNV-1a 32 of gomini:", h)
	var h64 uint64 = 14695981039346656037
	for _, c := range []byte("gomini") {
		h64 ^= uint64(c)
		h64 *= 1099511628211
	}
	fmt.Println("FNV-1a 64 of gomini:", h64)
	// xorshift PRNG: deterministic
	var s uint64 = 88172645463325252
	for i := 0; i < 5; i++ {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		fmt.Print(s%1000, " ")
	}
	fmt.Println()
	// linear congruential generator in uint32
	var lcg uint32 = 1
	for i := 0; i < 5; i++ {
		lcg = lcg*1103515245 + 12345
		fmt.Print((lcg/65536)%32768, " ")
	}
	fmt.Println()
	var u8 uint8 = 17
	fmt.Println("uint8 17*17*17:", u8*u8*u8, "uint8 -17:", -u8)
	var u16 uint16 = 40000
	fmt.Println("uint16 40000+40000:", u16+u16, "40000<<1:", u16<<1)
}
