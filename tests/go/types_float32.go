package main

import "fmt"

func main() {
	var a float32 = 0.1
	var b float32 = 0.2
	fmt.Println("float32 0.1+0.2:", a+b)
	fmt.Println("float32 == 0.3:", a+b == 0.3)
	c, d := 0.1, 0.2
	fmt.Println("float64 0.1+0.2:", c+d, c+d == 0.3)
	var f float32 = 1
	for i := 0; i < 30; i++ {
		f *= 3
	}
	fmt.Println("3^30 as float32:", f)
	var g float32 = 16777216
	fmt.Println("2^24 + 1 in float32:", g+1, "+2:", g+2)
	fmt.Println("float32(1)/3:", float32(1)/3, "float64(1)/3:", float64(1)/3)
	fmt.Printf("%%v %%g %%f %%.10f %%e: %v %g %f %.10f %e\n", a, a, a, a, a)
	fmt.Printf("%T %T\n", a, a*2)
	var h float32 = 3.4e38
	fmt.Println("near max:", h, h*10)
	var tiny float32 = 1e-45
	fmt.Println("tiny:", tiny, tiny/2)
	x := float32(123456.789)
	fmt.Println("123456.789 in float32:", x, float64(x))
	sum := float32(0)
	for i := 1; i <= 100; i++ {
		sum += 1 / float32(i)
	}
	fmt.Println("harmonic(100) float32:", sum)
	sum64 := 0.0
	for i := 1; i <= 100; i++ {
		sum64 += 1 / float64(i)
	}
	fmt.Println("harmonic(100) float64:", sum64)
	p, q := float32(2.9), float32(-2.9)
	fmt.Println("int(float32(2.9)):", int(p), "int32(float32(-2.9)):", int32(q))
}
