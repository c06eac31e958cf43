package main

import "fmt"

const (
	A = iota
	B
	C
)

const (
	_  = iota // skip zero
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	X, Y = iota, iota * 10
	Z, W
	_, _
	P, Q
)

const (
	First = iota + 1
	Second
	Skipped = "str"
	Third   // repeats "str"
	Fourth  = iota
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

const single = iota

const (
	a = 5
	b // repeats 5
	c = iota * iota
	d
)

func main() {
	fmt.Println("A B C:", A, B, C)
	fmt.Println("KB MB GB TB:", KB, MB, GB, TB)
	fmt.Println("pairs:", X, Y, Z, W, P, Q)
	fmt.Println("mixed:", First, Second, Skipped, Third, Fourth)
	fmt.Printf("typed: %v %T %v\n", Blue, Blue, Red+Green)
	fmt.Println("single:", single)
	fmt.Println("repeat and squares:", a, b, c, d)
}
