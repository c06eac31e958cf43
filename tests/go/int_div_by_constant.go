// Division and remainder by constants (DivIntImm/RemIntImm): signs, the
// overflowing MinInt / -1, narrow types that wrap, unsigned types (which keep
// the general ops), constants that do not fit 16 bits, and division by a
// zero variable still panicking.
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, x := range []int{-1001, -1000, -999, -7, -1, 0, 1, 7, 999, 1000, 1001} {
		fmt.Println(x, x/1000, x%1000, x/-3, x%-3, x/7, x%7, x/1, x%1, x/-1, x%-1)
	}
	m := math.MinInt64
	fmt.Println(m/-1, m%-1, m/2, m%3, m/32767, m%32767, m/-32768, m%-32768)
	big := 1 << 40
	fmt.Println(big/100000, big%100000, big/-70000, big%-70000)

	var a int8 = -128
	fmt.Println(a/-1, a%-1, a/3, a%3)
	var b int16 = -32768
	fmt.Println(b/-1, b%-1, b/300, b%300)
	var c int32 = math.MinInt32
	fmt.Println(c/-1, c%-1, c/1000, c%1000)
	var d uint8 = 250
	fmt.Println(d/3, d%3, d/100, d%100)
	var e uint64 = math.MaxUint64
	fmt.Println(e/10, e%10, e/1000, e%1000)
	var r rune = 'z'
	fmt.Println(r/2, r%2)

	sum := 0
	for i := -5000; i < 5000; i++ {
		if i%1000 == 0 {
			sum += i / 1000
		}
		sum += i % 7
	}
	fmt.Println("sum", sum)

	x := 10
	x /= 3
	x %= 2
	fmt.Println(x)

	zero := 0
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(x / zero)
}
