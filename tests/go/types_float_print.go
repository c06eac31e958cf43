package main

import "fmt"

func main() {
	fmt.Println("1e20:", 1e20)
	fmt.Println("1e21:", 1e21)
	fmt.Println("123456789.0:", 123456789.0)
	fmt.Println("1e-4:", 1e-4, "1e-5:", 1e-5)
	fmt.Println("0.000001234:", 0.000001234)
	fmt.Println("100.0:", 100.0, "1.0:", 1.0, "-2.50:", -2.50)
	fmt.Println("3.0/2:", 3.0/2)
	fmt.Println("const 0.1+0.2:", 0.1+0.2)
	a, b := 0.1, 0.2
	fmt.Println("runtime 0.1+0.2:", a+b)
	fmt.Println("1/3.0:", 1/3.0)
	x := 2.0
	fmt.Println("2/3 runtime:", x/3)
	fmt.Println("large:", 1.7976931348623157e308, "small:", 5e-324)
	fmt.Println("12345678901234567890.0:", 12345678901234567890.0)
	fmt.Println("float in []float64:", []float64{1, 2.5, 1e21, 1e-7})
	fmt.Printf("%%v: %v %v %v\n", 1e6, 1e20, 1e21)
	var f32 float32 = 0.1
	fmt.Println("float32 0.1:", f32, "as float64:", float64(f32))
	fmt.Println("float32 1/3:", float32(1)/3)
	fmt.Println("float32 1e21:", float32(1e21), "float32 16777216+1:", float32(16777216)+1)
	fmt.Println("float32 in struct:", struct{ F float32 }{1.1})
	var sum float64
	for i := 0; i < 10; i++ {
		sum += 0.1
	}
	fmt.Println("0.1 added 10 times:", sum)
	fmt.Println("integer valued floats:", 5.0, 1e15, 1e16, 123456789012345678.0)
}
