// math.Erf, Erfc, Erfinv, Erfcinv, Gamma and Lgamma must give Go's bits:
// they follow Go's msun/Cephes code on top of Go's Exp, Log, Pow and Sin.
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

func main() {
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -1e-310}
	// Erf and Erfc: every branch (0.84375, 1.25, 1/0.35, 6, 28) from both sides.
	erfPoints := []float64{1e-300, 3e-306, 1e-17, 1e-9, 0.1, 0.25, 0.3, 0.5, 0.84375, 1, 1.2, 1.25,
		2, 2.857142857142857, 3, 4, 5.5, 6, 6.5, 10, 27, 28, 30}
	for _, x := range specials {
		show("Erf", x, math.Erf(x))
		show("Erfc", x, math.Erfc(x))
	}
	for _, p := range erfPoints {
		for _, x := range []float64{p, -p, ulps(p, -1), -ulps(p, 1)} {
			show("Erf", x, math.Erf(x))
			show("Erfc", x, math.Erfc(x))
		}
	}
	for i := 1; i <= 40; i++ {
		x := 0.173 * float64(i)
		show("Erf", x, math.Erf(x))
		show("Erfc", -x, math.Erfc(-x))
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 2, 0.5, -0.3, 0.85, ulps(0.85, 1), 0.9, 0.99,
		0.999999, 1 - 1e-15, -0.9999999999999999, 1e-300, math.NaN(), math.Inf(1), 1.5} {
		show("Erfinv", x, math.Erfinv(x))
		show("Erfcinv", x, math.Erfcinv(x))
	}
	for i := 1; i <= 20; i++ {
		x := 0.0999 * float64(i)
		show("Erfcinv", x, math.Erfcinv(x))
	}
	// Gamma: poles, small, the rational range, Stirling, overflow, reflection.
	gammaPoints := []float64{1, 2, 3, 0.5, 1.5, 2.5, 1e-9, 2e-9, 1e-10, -1e-10, -5e-10, 1e-300, 5e-324, -0.5, -1.5, -2.5,
		-1, -2, -100, -1e20, 4.5, 10, 20.3, 32.9, 33, 33.5, 50.1, 100.7, 143, 143.5, 170.6, 171.6, 171.7, 200, 201,
		-33.5, -34.2, -50.7, -100.3, -170.5, -171.3, -180.5, -1e15 - 0.5, -3.999999999, -4.000000001}
	for _, x := range append(specials, gammaPoints...) {
		show("Gamma", x, math.Gamma(x))
		lg, sign := math.Lgamma(x)
		fmt.Println("Lgamma", x, lg, sign, math.Float64bits(lg))
	}
	// Lgamma: its branch points (0.2316, 0.7316, 0.9, 1.2316, 1.7316, 2..8, 2**58).
	lgammaPoints := []float64{1e-22, 1e-21, 0.1, 0.2316, 0.5, 0.7316, 0.8, 0.9, 0.95, 1.1, 1.2316, 1.4, 1.4616321449683622,
		1.7316, 1.9, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 7.9, 8, 8.5, 100, 1e10, 1e17, 2.8823037615171174e17, 3e17, 1e300,
		4503599627370496, 4503599627370495.5, 9007199254740992, 0.25, 0.75, 1.25, 1.75, 2.25}
	for _, p := range lgammaPoints {
		for _, x := range []float64{p, -p} {
			lg, sign := math.Lgamma(x)
			fmt.Println("Lgamma", x, lg, sign, math.Float64bits(lg))
		}
	}
	for i := 1; i <= 40; i++ {
		x := -0.371 * float64(i)
		lg, sign := math.Lgamma(x)
		fmt.Println("Lgamma", x, lg, sign, math.Float64bits(lg))
		show("Gamma", x, math.Gamma(x))
		show("Gamma", -x, math.Gamma(-x))
	}
}
