// math.Asinh, Acosh, Atanh, Expm1 and Sincos must give Go's bits: they
// follow Go's msun code on top of Go's Log, Log1p, Sin and Cos.
package main

import (
	"fmt"
	"math"
)

func ulps(x float64, n int64) float64 {
	return math.Float64frombits(uint64(int64(math.Float64bits(x)) + n))
}

func show(name string, x, r float64) {
	fmt.Println(name, x, r, math.Float64bits(r))
}

func all(x float64) {
	show("Asinh", x, math.Asinh(x))
	show("Acosh", x, math.Acosh(x))
	show("Atanh", x, math.Atanh(x))
	show("Expm1", x, math.Expm1(x))
}

func main() {
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324}
	for _, x := range specials {
		all(x)
	}
	// Branch points: 2**-28, 2, 2**28 (Asinh, Acosh), 0.5, ±1 (Atanh),
	// 2**-54, 0.5·Ln2, 1.5·Ln2, 56·Ln2, k = 20 and 56, overflow (Expm1).
	points := []float64{0x1p-28, 0x1p-54, 0.5, 1, 2, 0x1p28, 0.34657359027997264, 1.0397207708399179,
		38.816242111356935, 13.5, 14, 39, 40, 709.782712893384, 709.7, 710, 1e-5, 0.3, 0.25, 0.9, 0.99, 1.5}
	for _, p := range points {
		for _, x := range []float64{p, -p, ulps(p, -1), ulps(p, 1), -ulps(p, 1)} {
			all(x)
		}
	}
	for i := 1; i <= 30; i++ {
		x := 0.274 * float64(i) * float64(i)
		all(x)
		all(-x / 100)
	}
	for _, x := range []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 1e-300,
		math.Pi / 4, 3 * math.Pi / 4, 1e10, 1e300, -1e22, 5, -7.5, 1e6 + 0.1} {
		s, c := math.Sincos(x)
		fmt.Println("Sincos", x, s, c, math.Float64bits(s), math.Float64bits(c))
	}
	for i := 1; i <= 20; i++ {
		x := 0.8642 * float64(i*i)
		s, c := math.Sincos(-x)
		fmt.Println("Sincos", -x, s, c, math.Float64bits(s), math.Float64bits(c))
	}
}
