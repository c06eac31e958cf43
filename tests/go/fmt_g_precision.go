package main

import "fmt"

func main() {
	vals := []float64{0, 1, -1, 0.5, 123456, 1234567, 12345678, 0.0001, 0.00001, 1e100, 2.0 / 3, 100, 1e6, 1e-320}
	for _, v := range vals {
		fmt.Printf("%-12v|%-12g|%.3g|%.1g|%.0g|%e|%.2e|%G|\n", v, v, v, v, v, v, v, v)
	}
	var f32s = []float32{0.1, 1.0 / 3, 16777216, 1e-10, 3.4e38}
	for _, v := range f32s {
		fmt.Printf("%v|%g|%.3g|%e|%f\n", v, v, v, v, v)
	}
	fmt.Printf("%.3f %.3f %.3f %.3f\n", 0.0005, 0.0015, 0.0025, 1.0005)
	fmt.Printf("%.2f %.2f %.2f\n", 2.675, 2.665, -2.675)
	fmt.Printf("%5.1f|%-7.3e|%+.0f|% .2f\n", 9.96, 123.456, 2.5, 3.14159)
	fmt.Printf("%g %g %g\n", 1e-7, 123456789.0, 0.000123456789)
	fmt.Printf("%.20f\n", 0.1)
	fmt.Printf("%.17g %.17g\n", 0.1, 0.3)
}
