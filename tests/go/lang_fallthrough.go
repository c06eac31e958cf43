package main

import "fmt"

func describe(n int) {
	fmt.Print(n, ":")
	switch {
	case n > 100:
		fmt.Print(" huge")
		fallthrough
	case n > 10:
		fmt.Print(" big")
		fallthrough
	case n > 0:
		fmt.Print(" positive")
	case n == 0:
		fmt.Print(" zero")
	default:
		fmt.Print(" negative")
	}
	fmt.Println()
}

func main() {
	describe(500)
	describe(50)
	describe(5)
	describe(0)
	describe(-5)
	// fallthrough into default ignores default's condition
	switch 1 {
	case 1:
		fmt.Println("one")
		fallthrough
	default:
		fmt.Println("default via fallthrough")
	case 2:
		fmt.Println("two")
	}
	// fallthrough into a case whose expression does not match
	switch "x" {
	case "x":
		fmt.Println("x")
		fallthrough
	case "y":
		fmt.Println("y (fallthrough ignores the case value)")
	case "z":
		fmt.Println("z")
	}
}
