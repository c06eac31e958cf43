package main

import "os"

// The builtin println formats floats in its own way: +1.500000e+000.
func main() {
	x := 1.5
	println(x, -x, 0.0, 100.25)
	os.Exit(5)
}
