// Loop counters of narrow and unsigned kinds wrap after each step (and compare
// unsigned), so they keep the plain add, Wrap and test: these loops end only
// because the counter wraps around.
package main

import "fmt"

func main() {
	var n int
	for i := int8(120); i > 0; i++ {
		n++
	}
	fmt.Println("int8 wraps after", n)

	var last uint8
	n = 0
	for i := uint8(250); i != 4; i++ {
		n++
		last = i
	}
	fmt.Println("uint8 wraps after", n, last)

	n = 0
	for i := uint8(3); i < 200; i -= 1 {
		n++
	}
	fmt.Println("uint8 down wraps after", n)

	n = 0
	for i := int16(32000); i >= 32000; i += 100 {
		n++
	}
	fmt.Println("int16 wraps after", n)

	n = 0
	for i := uint(0); i < 5; i++ {
		n++
	}
	fmt.Println("uint", n)

	n = 0
	for i := uint64(1 << 63); i >= 1<<63; i += 1 << 62 {
		n++
	}
	fmt.Println("uint64 compares unsigned", n)

	n = 0
	for i := int32(2147483640); i > 0; i += 3 {
		n++
	}
	fmt.Println("int32 wraps after", n)
}
