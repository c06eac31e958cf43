// math.Atan, Asin, Acos and Atan2 must give Go's bits: they follow Go's
// Cephes-based code (the platform's libm differed in the last bit of about
// one Atan in four).
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

func show2(name string, y, x, r float64) {
	fmt.Println(name, y, x, r, math.Float64bits(r))
}

func main() {
	specials := []float64{
		0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8000000000000), 5e-324, 1e-300, 1e-9,
		0.66, ulps(0.66, 1), 0.7, ulps(0.7, 1), 2.414213562373095,
		ulps(2.414213562373095, 1), 1, ulps(1, 1), ulps(1, -1), 1e300,
	}
	for _, x := range specials {
		for _, v := range []float64{x, -x} {
			show("Atan", v, math.Atan(v))
			show("Asin", v, math.Asin(v))
			show("Acos", v, math.Acos(v))
		}
	}
	for i := -200; i <= 200; i++ {
		x := float64(i) / 200
		show("Asin", x, math.Asin(x))
		show("Acos", x, math.Acos(x))
		show("Atan", x*37, math.Atan(x*37))
	}
	edges := []float64{0, math.Copysign(0, -1), 1, -1, 3.5, -0.25, math.Inf(1), math.Inf(-1), math.NaN(), 1e300, 5e-324}
	for _, y := range edges {
		for _, x := range edges {
			show2("Atan2", y, x, math.Atan2(y, x))
		}
	}
	for i := 0; i < 300; i++ {
		y := math.Sin(float64(i)) * float64(i%17+1)
		x := math.Cos(float64(i)*1.3) * float64(i%5+1)
		show2("Atan2", y, x, math.Atan2(y, x))
	}
}
