package main

import "fmt"

// Untyped constants are exact: intermediate values may exceed 64 bits
// as long as the final value fits the type it is used as.
const (
	googol    = 1e100
	kilo      = 1 << 10
	yotta     = 1 << 80
	ratio     = yotta / (1 << 70) // 1024, exact
	precise   = 1.0 / 3.0 * 3.0   // exactly 1 with exact arithmetic
	tiny      = 1e-300 * 1e-300 / 1e-300
	hugeInt   = 1 << 200
	backDown  = hugeInt >> 190
	mixed     = 10 / 4 * 4.0 // integer division first: 2 * 4.0
	mixed2    = 10 / 4.0 * 4 // float division: 10
	negMod    = -7 % 3
	maxU64    = 1<<64 - 1
	overMaxU8 = 255 + 1
)

func main() {
	fmt.Println("googol/1e99:", googol/1e99)
	fmt.Println("kilo:", kilo, "ratio:", ratio)
	fmt.Println("precise == 1:", precise == 1)
	fmt.Println("tiny:", tiny)
	fmt.Println("backDown:", backDown)
	fmt.Println("mixed:", mixed, "mixed2:", mixed2)
	fmt.Println("negMod:", negMod)
	fmt.Println("maxU64 as uint64:", uint64(maxU64))
	fmt.Println("overMaxU8 as int:", overMaxU8)
	fmt.Printf("%T %T %T %T\n", kilo, googol, precise, 'a'+1.0)
	var f32 float32 = 1.0 / 3
	var f64 float64 = 1.0 / 3
	fmt.Println("1/3 in float32 and float64:", f32, f64)
	const c = 'A' + 2
	var r rune = c
	var b byte = c
	fmt.Println(r, b, string(r))
	fmt.Println("integer constant as float:", float64(1<<62), 1<<62)
}
