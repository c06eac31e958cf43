package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println("Sqrt:", math.Sqrt(2), math.Sqrt(16), math.Sqrt(-1))
	fmt.Println("Floor:", math.Floor(2.7), math.Floor(-2.7), "Ceil:", math.Ceil(2.1), math.Ceil(-2.1))
	fmt.Println("Trunc:", math.Trunc(2.7), math.Trunc(-2.7), "Round:", math.Round(2.5), math.Round(-2.5), math.Round(2.4))
	fmt.Println("RoundToEven:", math.RoundToEven(2.5), math.RoundToEven(3.5))
	fmt.Println("Abs:", math.Abs(-3.2), math.Abs(4), "Max:", math.Max(3, 7), "Min:", math.Min(3, 7))
	fmt.Println("Pow:", math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(10, -2), math.Pow(0, 0))
	fmt.Println("Mod:", math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7.5, 2))
	fmt.Println("Hypot:", math.Hypot(3, 4), "Cbrt:", math.Cbrt(27))
	fmt.Printf("Exp/Log: %.10g %.10g %.10g %.10g %v\n", math.Exp(1), math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Log(0))
	fmt.Printf("Trig: %.10f %.10f %.10f %.10f\n", math.Sin(math.Pi/2), math.Cos(0), math.Tan(math.Pi/4), math.Atan2(1, 1)*4)
	fmt.Println("Inf:", math.Inf(1), math.Inf(-1), "NaN:", math.NaN())
	fmt.Println("MaxInt64:", math.MaxInt64, "MinInt64:", math.MinInt64)
	fmt.Println("MaxInt32:", math.MaxInt32, "MaxUint32:", math.MaxUint32, "MaxInt16:", math.MaxInt16)
	fmt.Println("Pi:", math.Pi, "Pi float32:", float32(math.Pi), "Sqrt2:", math.Sqrt2)
	fmt.Printf("Pi %%.2f: %.2f, %%e: %e\n", math.Pi, math.Pi)
	f, frac := math.Modf(3.75)
	fmt.Println("Modf:", f, frac)
	fmt.Println("Signbit:", math.Signbit(-1), math.Signbit(1), "Copysign:", math.Copysign(3, -1))
	fmt.Println("Float64bits(1):", math.Float64bits(1.0), "Float64frombits:", math.Float64frombits(0x4000000000000000))
	fmt.Println("Float32bits(1):", math.Float32bits(1.0))
	fmt.Println("IsNaN:", math.IsNaN(math.Sqrt(-1)), "IsInf:", math.IsInf(1/math.Inf(1), 0))
}
