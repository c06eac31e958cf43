package main

import (
	"fmt"
	"math"
)

func roundTo(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func main() {
	xs := []float64{-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999, -0.0}
	fmt.Printf("%6s %6s %6s %6s %6s %6s\n", "x", "Round", "Even", "Floor", "Ceil", "Trunc")
	for _, x := range xs {
		fmt.Printf("%6v %6v %6v %6v %6v %6v\n", x, math.Round(x), math.RoundToEven(x), math.Floor(x), math.Ceil(x), math.Trunc(x))
	}
	fmt.Println(roundTo(3.14159, 2), roundTo(2.675, 2), roundTo(1234.5678, -2))
	fmt.Println(int(math.Round(2.5)), int64(math.Floor(-0.5)), int(math.Ceil(0.0001)))
	fmt.Println(math.Floor(1e300), math.Round(math.Inf(1)), math.Trunc(math.NaN()))
	fmt.Println(math.Abs(math.Inf(-1)), math.Abs(-0.0), math.Max(-0.0, 0), math.Min(-0.0, 0))
	fmt.Println(math.Max(1, math.NaN()), math.Min(math.Inf(-1), 5))
	fmt.Println(math.Sqrt(0.25), math.Pow(-8, 1.0/3), math.Cbrt(-8), math.Pow(2, -1074), math.Pow(2, 1024))
	fmt.Println(math.Mod(7, 4), math.Mod(-7, 4), math.Mod(7, -4))
}
