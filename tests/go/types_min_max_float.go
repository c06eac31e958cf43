package main

import (
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	z, nz := 0.0, math.Copysign(0, -1)
	var f32 float32 = 2.5
	fmt.Println(min(1.0, nan), max(nan, 2.0), min(3.0, 1.0, 2.0), max(1.0, 3.0, 2.0))
	fmt.Println(min(z, nz), min(nz, z), max(z, nz), max(nz, z), min(nz, nz), max(z, z))
	fmt.Println(min(f32, 1.5), max(f32, 7), min(1, 2, nan, 0), max(math.Inf(-1), -5))
	fmt.Println(min(3, 1, 2), max("a", "b"), min(1.5, 2))
	x := min(z, 1.0)
	fmt.Printf("%T %v\n", x, x)
}
