package main

import "fmt"

func main() {
	var i8 int8 = 1
	fmt.Println("int8 1<<7 =", i8<<7)
	fmt.Println("int8 1<<8 =", i8<<8)
	var u8 uint8 = 0xff
	fmt.Println("uint8 0xff<<4 =", u8<<4, "0xff>>4 =", u8>>4)
	n := -16
	fmt.Println("-16>>2 =", n>>2, "(arithmetic shift)")
	fmt.Println("-1>>63 =", -1>>63)
	var s uint = 70
	x := 1
	fmt.Println("1<<70 at runtime (int) =", x<<s)
	fmt.Println("-8>>70 at runtime =", -8>>s)
	var u uint64 = 1 << 63
	fmt.Println("uint64 1<<63 =", u, ">>63 =", u>>63)
	var sh int = 3
	fmt.Println("shift count can be signed int:", 5<<sh)
	var k uint32 = 1
	for i := 0; i < 40; i += 8 {
		fmt.Print(k<<i, " ")
	}
	fmt.Println()
	const c = 1 << 62
	fmt.Println("const 1<<62 =", c)
	var i64 int64 = 1 << 62
	fmt.Println("int64 (1<<62)<<1 =", i64<<1)
	fmt.Println("int64 (1<<62)<<2 =", i64<<2)
	var ui uint16 = 0x8001
	fmt.Println("rotate-ish uint16:", ui<<1|ui>>15)
}
