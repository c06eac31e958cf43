// math.Pow must give Go's bits: it follows Go's own algorithm (Exp of the
// fractional part times Log, on Go's amd64 Exp and Log, then repeated squaring
// for the integer part), where the platform's pow differed in up to half of
// the results with a fractional exponent.
package main

import (
	"fmt"
	"math"
)

func show(x, y float64) {
	r := math.Pow(x, y)
	fmt.Println("Pow", x, y, r, math.Float64bits(r))
}

func main() {
	edges := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.3, -1.3, 0.25,
		math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e300, 5e-324, 1 << 53, 1<<53 + 2, 1 << 63, 1e19,
	}
	for _, x := range edges {
		for _, y := range edges {
			show(x, y)
		}
	}
	for i := 1; i <= 300; i++ {
		x := 0.37 * float64(i)
		show(x, 1.3)
		show(x, -2.7)
		show(1+float64(i)*1e-7, float64(i)*97.5)
	}
	for i := -40; i <= 40; i++ {
		show(10, float64(i)*8)
		show(-1.0000001, float64(i)*1e6+1)
		show(math.E, float64(i)*17.75)
	}
}
