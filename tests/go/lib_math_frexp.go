// math.Frexp, Ldexp, Logb, Ilogb, Nextafter, Nextafter32, Pow10, Dim,
// Remainder and FMA must give Go's exact results, zeros' signs and NaNs
// included (subnormals, overflow and underflow at the edges).
package main

import (
	"fmt"
	"math"
)

func show(name string, x, r float64) {
	fmt.Println(name, x, r, math.Float64bits(r))
}

func show2(name string, x, y, r float64) {
	fmt.Println(name, x, y, r, math.Float64bits(r))
}

func main() {
	negZero := math.Copysign(0, -1)
	values := []float64{
		0, negZero, 1, -1, 0.5, 0.75, 3, -3, 1e-310, -1e-310, 5e-324,
		math.SmallestNonzeroFloat64 * 3, 2.2250738585072014e-308,
		math.Nextafter(2.2250738585072014e-308, 0), 1e300, -1.5e308,
		math.MaxFloat64, 123.456, 0.1, math.Inf(1), math.Inf(-1), math.NaN(),
	}
	for _, x := range values {
		frac, exp := math.Frexp(x)
		fmt.Println("Frexp", x, frac, exp, math.Float64bits(frac))
		back := math.Ldexp(frac, exp)
		fmt.Println("Ldexp(Frexp)", x, back, math.Float64bits(back))
		show("Logb", x, math.Logb(x))
		fmt.Println("Ilogb", x, math.Ilogb(x))
	}
	exps := []int{0, 1, -1, 52, 1023, 1024, -1022, -1023, -1074, -1075, -1076, 2000, -2000,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 10}
	fracs := []float64{1, -1, 0.75, 1.5, 0.9999999999999999, 1e-310, negZero, math.Inf(-1), math.NaN(), 3}
	for _, f := range fracs {
		for _, e := range exps {
			r := math.Ldexp(f, e)
			fmt.Println("Ldexp", f, e, r, math.Float64bits(r))
		}
	}
	pairs := [][2]float64{
		{0, 1}, {0, -1}, {negZero, 1}, {1, 2}, {1, 0}, {-1, 0}, {-1, -2}, {5e-324, 0}, {-5e-324, 0},
		{math.MaxFloat64, math.Inf(1)}, {math.Inf(1), 0}, {math.Inf(-1), 0}, {1, 1}, {math.NaN(), 1},
		{1, math.NaN()}, {2.2250738585072014e-308, 0}, {0.1, 0.2}, {3, -3}, {1e300, 1e299},
		{7, 2}, {-7, 2}, {7, -2}, {5, 2}, {-5, 2}, {6, 4}, {10, 3}, {1e-310, 3e-310},
		{2.5e-308, 1e-308}, {math.MaxFloat64, 1}, {1e308, 1.5e308}, {math.Inf(1), 1}, {1, math.Inf(1)},
		{0.5, 0}, {negZero, negZero}, {3, 3}, {-3, 3}, {1.25, 0.5}, {1.75, 0.5},
	}
	for _, p := range pairs {
		x, y := p[0], p[1]
		show2("Nextafter", x, y, math.Nextafter(x, y))
		show2("Remainder", x, y, math.Remainder(x, y))
		show2("Dim", x, y, math.Dim(x, y))
		for _, z := range []float64{negZero, -0.1, math.Inf(1)} {
			r := math.FMA(x, y, z)
			fmt.Println("FMA", x, y, z, r, math.Float64bits(r))
		}
		x32, y32 := float32(x), float32(y)
		r32 := math.Nextafter32(x32, y32)
		fmt.Println("Nextafter32", x32, y32, r32, math.Float32bits(r32))
	}
	// FMA's single rounding shows: (1+2**-30)² - 1 loses 2**-60 unfused.
	a := 1 + math.Ldexp(1, -30)
	fmt.Println("FMA exact", math.FMA(a, a, -1), a*a-1)
	fmt.Println("FMA underflow sign", math.Signbit(math.FMA(-1e-200, 1e-200, 0)))
	for _, n := range []int{0, 1, -1, 22, 23, 31, 32, 100, 300, 308, 309, -300, -308, -320, -323, -324, 1000, -1000,
		math.MaxInt64, math.MinInt64} {
		r := math.Pow10(n)
		fmt.Println("Pow10", n, r, math.Float64bits(r))
	}
}
