package main

import "os"

// The builtin println writes floats to stderr (older Go printed +1.500000e+000; see the golden).
func main() {
	x := 1.5
	println(x, -x, 0.0, 100.25)
	os.Exit(5)
}
