package main

import (
	"fmt"
	"strconv"
)

func pair() (int, error) { return 7, nil }

func main() {
	x := 1
	fmt.Println("x =", x)
	// := with at least one new variable reuses x
	x, y := 2, 3
	fmt.Println("x, y =", x, y)
	n, err := strconv.Atoi("42")
	fmt.Println("n, err =", n, err)
	m, err := strconv.Atoi("nope")
	fmt.Println("m, err =", m, err)
	// shadowing in an inner block
	if x := 10; x > 5 {
		fmt.Println("inner x =", x)
		x := "string now"
		fmt.Println("inner-inner x =", x)
	}
	fmt.Println("outer x =", x)
	{
		y := y * 100
		fmt.Println("block y =", y)
	}
	fmt.Println("outer y =", y)
	v, err := pair()
	fmt.Println("v, err =", v, err)
	_, z := 5, 6
	fmt.Println("z =", z)
}
