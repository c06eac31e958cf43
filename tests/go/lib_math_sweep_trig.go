// math.Sin, Cos and Tan must give Go's bits on every input: gomini follows
// Go's own algorithms (Cephes polynomials, Cody-Waite reduction, and
// Payne-Hanek from 2**29 on), where the platform's libm differed in the
// last bit of one result in a few hundred and more near multiples of Pi/4.
package main

import (
	"fmt"
	"math"
)

// ulps moves x's magnitude by n units in the last place.
func ulps(x float64, n int64) float64 {
	return math.Float64frombits(uint64(int64(math.Float64bits(x)) + n))
}

func show(name string, x, r float64) {
	fmt.Println(name, x, r, math.Float64bits(r))
}

func all(x float64) {
	show("Sin", x, math.Sin(x))
	show("Cos", x, math.Cos(x))
	show("Tan", x, math.Tan(x))
}

func main() {
	specials := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), math.Float64frombits(0x7FF8000000000123),
		5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-8, -1e-8, 1.5e-7,
		math.MaxFloat64, -math.MaxFloat64, 1e300, -1e300, 1e22, 1e100,
		1 << 29, 1<<29 - 0.5, 1<<29 + 1, 1 << 30, 1 << 52, 1 << 53, 1 << 60, 1 << 63,
		3.141592653589793e15, 6.283185307179586e20,
	}
	for _, x := range specials {
		all(x)
	}
	// Multiples of Pi/4 and their neighbours, where the reduction matters most.
	for k := -12; k <= 12; k++ {
		x := float64(k) * math.Pi / 4
		all(x)
		if k != 0 {
			all(ulps(x, 1))
			all(ulps(x, -1))
		}
	}
	for k := 1; k <= 10; k++ {
		x := float64(k*k*k*1000003) * math.Pi / 4
		all(x)
	}
	// A sweep over small and moderate arguments.
	for i := 1; i <= 160; i++ {
		all(0.37 * float64(i))
		all(-1.7 * float64(i*i))
	}
	// Huge arguments: every exponent from 2**29 to 2**1023, a few mantissas each.
	for e := 29; e <= 1023; e += 11 {
		x := math.Float64frombits(uint64(e+1023)<<52 | 0x000A3F2B9C81D7E5)
		all(x)
	}
}
