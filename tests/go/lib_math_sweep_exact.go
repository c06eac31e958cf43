// math functions whose results are exact (Sqrt, Floor, Ceil, Trunc, Round,
// RoundToEven, Modf, Mod, Max, Min) and Hypot: gomini must give Go's zeros'
// signs and Go's NaN bits, since Float64bits shows them (Go's Trunc quiets a
// signaling NaN, so Modf's integer part does too).
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
	values := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), math.Float64frombits(0x7FF8000000000123),
		math.Float64frombits(0x7FF0000000000001), math.Float64frombits(0xFFF4000000000000),
		5e-324, -1e-310, 0.49999999999999994, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7,
		4503599627370495.5, 4503599627370497, 1e300, -7.25, 1e-5, 123456.789,
	}
	for _, x := range values {
		show("Sqrt", x, math.Sqrt(x))
		show("Floor", x, math.Floor(x))
		show("Ceil", x, math.Ceil(x))
		show("Trunc", x, math.Trunc(x))
		show("Round", x, math.Round(x))
		show("RoundToEven", x, math.RoundToEven(x))
		i, f := math.Modf(x)
		show("ModfInt", x, i)
		show("ModfFrac", x, f)
	}
	pairs := []float64{0, math.Copysign(0, -1), 1, -1, 2.5, -7.75, 1e300, 5e-324, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range pairs {
		for _, y := range pairs {
			show2("Mod", x, y, math.Mod(x, y))
			show2("Max", x, y, math.Max(x, y))
			show2("Min", x, y, math.Min(x, y))
			show2("Hypot", x, y, math.Hypot(x, y))
		}
	}
	for i := 1; i <= 150; i++ {
		x := 0.37 * float64(i*i)
		y := 1.1 * float64(i%13+1)
		show2("Mod", x, y, math.Mod(x, y))
		show2("Mod", -x*1e10, y/3, math.Mod(-x*1e10, y/3))
		show2("Hypot", x, y, math.Hypot(x, y))
		show2("Hypot", x*1e200, y*1e-200, math.Hypot(x*1e200, y*1e-200))
		show("Round", x/8, math.Round(x/8))
		show("RoundToEven", -x/8, math.RoundToEven(-x/8))
	}
}
