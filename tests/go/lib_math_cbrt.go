// math.Cbrt must give Go's last bit on every input: gomini follows Go's own
// algorithm (the platform's libm differed in about one result in ten).
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, x := range []float64{27, -27, 8, 2, 3, 0.001, 1e300, -1e-300, 5e-324, 2.2e-308, 1e-310} {
		fmt.Println(x, math.Cbrt(x))
	}
	fmt.Println(math.Cbrt(0), math.Cbrt(math.Copysign(0, -1)), math.Cbrt(math.Inf(1)), math.Cbrt(math.Inf(-1)), math.Cbrt(math.NaN()))
	// A sweep: a checksum of the bits would hide which input differs, so
	// every result is printed.
	for i := 1; i <= 400; i++ {
		x := float64(i) * 0.37
		fmt.Println(i, math.Cbrt(x), math.Cbrt(-x*1e-5))
	}
}
