package main

import "fmt"

func main() {
	values := []any{
		int8(-128), int8(127), int16(-32768), int16(32767), int32(-2147483648), int32(2147483647),
		int64(-9223372036854775808), int64(9223372036854775807), int(-1),
		uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615), uint(0), uintptr(4096),
	}
	for _, v := range values {
		fmt.Printf("%-7T %v | %d | %x | %X | %o | %b | %#x\n", v, v, v, v, v, v, v, v)
	}
	fmt.Printf("%c %c %U\n", int64(0x263A), uint8(65), uint16(0x2603))
	fmt.Printf("%q %q\n", int32(9731), uint32(10))
	fmt.Printf("%08b %016b\n", uint8(5), int16(-2))
	fmt.Printf("%5d|%-5d|%05d\n", int8(-5), uint8(5), int8(-5))
}
