// math.Sinh, Cosh and Tanh must give Go's bits: they follow Go's Cephes-based
// code on top of Go's amd64 Exp (the platform's libm differed in about one
// result in seven).
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
	show("Sinh", x, math.Sinh(x))
	show("Cosh", x, math.Cosh(x))
	show("Tanh", x, math.Tanh(x))
}

func main() {
	specials := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), 5e-324, 1e-300, 1e-9,
		0.5, ulps(0.5, 1), 0.625, ulps(0.625, -1), 21, ulps(21, 1),
		44.014845965556525, 44.01484596555653, 50, 709, 710, 711, 1e300,
	}
	for _, x := range specials {
		all(x)
		all(-x)
	}
	for i := 1; i <= 300; i++ {
		x := 0.37 * float64(i) / 3
		all(x)
		all(-x * 7.3)
	}
}
