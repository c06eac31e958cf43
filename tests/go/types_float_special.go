package main

import (
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	inf := math.Inf(1)
	ninf := math.Inf(-1)
	fmt.Println("NaN:", nan, "+Inf:", inf, "-Inf:", ninf)
	fmt.Println("NaN == NaN:", nan == nan, "NaN != NaN:", nan != nan, "NaN < 1:", nan < 1, "NaN > 1:", nan > 1)
	fmt.Println("Inf - Inf:", inf-inf, "Inf * 0:", inf*0, "Inf + 1:", inf+1, "-Inf < Inf:", ninf < inf)
	fmt.Println("IsNaN:", math.IsNaN(nan), "IsInf:", math.IsInf(inf, 1), math.IsInf(ninf, -1), math.IsInf(inf, 0))
	zero := 0.0
	negZero := -zero
	fmt.Println("-0.0 prints as:", negZero, "equals 0:", negZero == 0)
	fmt.Println("Copysign(0, -1):", math.Copysign(0, -1), "Signbit:", math.Signbit(negZero), math.Signbit(zero))
	fmt.Println("1/-0:", 1/negZero, "1/+0:", 1/zero)
	fmt.Printf("%%v %%f %%e %%g of -0: %v %f %e %g\n", negZero, negZero, negZero, negZero)
	fmt.Printf("NaN with verbs: %v %f %5.2f %e %g %+v\n", nan, nan, nan, nan, nan, nan)
	fmt.Printf("Inf with verbs: %v %f %e %g %+v %8.1f|\n", inf, inf, inf, inf, inf, ninf)
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	fmt.Println("NaN keys are all distinct, len:", len(m))
	fmt.Println("float32 NaN/Inf:", float32(nan), float32(inf))
	var big float32 = math.MaxFloat32
	fmt.Println("MaxFloat32*2 (float32):", big*2)
	fmt.Println("min/max with NaN:", min(1.0, nan), max(nan, 2.0))
	fmt.Println("min(-0, 0), max(-0, 0):", min(negZero, zero), max(negZero, zero))
	fmt.Println("slice of special:", []float64{nan, inf, ninf, negZero})
}
