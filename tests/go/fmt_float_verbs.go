package main

import "fmt"

func main() {
	x := 3.14159265
	fmt.Printf("%%f: [%f] [%.2f] [%8.3f] [%-8.3f] [%08.3f] [%+.1f] [% .1f] [%.0f]\n", x, x, x, x, x, x, x, x)
	fmt.Printf("%%e: [%e] [%.2e] [%E] [%12.3e] [%+e]\n", x, x, x, x, x)
	fmt.Printf("%%g: [%g] [%.3g] [%G] [%10g] [%-10g] [%.10g]\n", x, x, x, x, x, x)
	big := 123456789.123
	fmt.Printf("big: [%f] [%e] [%g] [%v] [%.3g]\n", big, big, big, big, big)
	small := 0.000012345
	fmt.Printf("small: [%f] [%e] [%g] [%v] [%.2g]\n", small, small, small, small, small)
	fmt.Printf("rounding: [%.0f] [%.0f] [%.0f] [%.1f] [%.2f] [%.1f]\n", 0.5, 1.5, 2.5, 0.25, 1.005, 0.05)
	fmt.Printf("%%g exponents: [%g] [%g] [%g] [%g] [%g]\n", 1e20, 1e21, 1e-4, 1e-5, 100000.0)
	fmt.Printf("%%v large ints as float: [%v] [%v]\n", 1e20, 1e21)
	fmt.Printf("%%#g keeps zeros: [%#g] [%#.3g] [%#v]\n", 1.0, 2.0, 3.0)
	fmt.Printf("%%#v floats: [%#v] [%#v] [%#v]\n", 1.5, 1e21, 1e-7)
	fmt.Printf("negative: [%f] [%8.2f] [%08.2f] [%e] [%g]\n", -x, -x, -x, -x, -x)
	fmt.Printf("zero: [%f] [%e] [%g] [%v]\n", 0.0, 0.0, 0.0, 0.0)
	var f32 float32 = 1.1
	fmt.Printf("float32: [%v] [%f] [%g] [%.10f] [%e]\n", f32, f32, f32, f32, f32)
	fmt.Printf("star precision: [%.*f] [%*.*f]\n", 3, x, 10, 2, x)
	fmt.Printf("%%b float: [%b]\n", 1.0)
	fmt.Printf("%%x float: [%x] [%X] [%.2x]\n", 1.0, 255.5, 3.14159)
	fmt.Printf("int with float verb: [%f]\n", 42)
	fmt.Printf("%%6.2f of 1234.5678: [%6.2f]\n", 1234.5678)
}
