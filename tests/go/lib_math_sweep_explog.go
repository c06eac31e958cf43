// math.Exp, Exp2, Log, Log2, Log10 and Log1p must give Go's bits: Exp and Log
// follow Go's amd64 assembly (Exp with FMA, Log with its exponent taken
// straight from the bits, so Log of a subnormal is Go's, not the true value),
// the others Go's pure code. The platform's libm differed in up to one
// result in seven.
package main

import (
	"fmt"
	"math"
)

func show(name string, x, r float64) {
	fmt.Println(name, x, r, math.Float64bits(r))
}

func exps(x float64) {
	show("Exp", x, math.Exp(x))
	show("Exp2", x, math.Exp2(x))
}

func logs(x float64) {
	show("Log", x, math.Log(x))
	show("Log2", x, math.Log2(x))
	show("Log10", x, math.Log10(x))
	show("Log1p", x, math.Log1p(x))
}

func main() {
	specials := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), math.Float64frombits(0x7FF8000000000123),
		5e-324, -5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, -1e-20,
		1, -1, 2, 0.5, 10, 100, 1000, 1e-5, -0.999999, -1.0000001, math.E,
		math.Sqrt2 / 2, math.Sqrt2, math.Sqrt2 * 8, math.Sqrt2 / 64,
		math.MaxFloat64, -math.MaxFloat64, 1 << 53, 1 << 62,
	}
	for _, x := range specials {
		exps(x)
		logs(x)
	}
	// Exp near overflow and underflow (subnormal results, then 0).
	for _, x := range []float64{709.78, 709.782712893384, 709.7827128933841, 709.79, 710,
		-700, -708.39, -708.4, -709, -720, -740, -744.44, -745.13, -745.14, -746, -1e10, -1e300} {
		show("Exp", x, math.Exp(x))
	}
	for _, x := range []float64{1023.5, 1023.9999999999999, 1024, -1021.7, -1022, -1050.3, -1074, -1074.5, -1075, -1100} {
		show("Exp2", x, math.Exp2(x))
	}
	// Around 1, where Log and Log1p cancel.
	for i := -40; i <= 40; i++ {
		x := 1 + float64(i)*1e-3
		logs(x)
		show("Log1p", float64(i)*1e-9, math.Log1p(float64(i)*1e-9))
	}
	// Subnormals: Go's amd64 Log reads their exponent field as if normal.
	for e := 0; e < 52; e += 3 {
		x := math.Float64frombits(uint64(1)<<e | 0x5A5A5)
		logs(x)
	}
	// A sweep.
	for i := 1; i <= 80; i++ {
		x := 0.37 * float64(i)
		exps(x)
		exps(-x)
		logs(x)
		logs(float64(i*i*i) * 1e-4)
		exps(float64(i)*8.75 - 700)
	}
}
