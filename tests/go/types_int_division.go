package main

import "fmt"

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {1, 3}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		fmt.Printf("%d / %d = %d, %d %% %d = %d\n", a, b, a/b, a, b, a%b)
	}
	// the identity a == (a/b)*b + a%b
	a, b := -17, 5
	fmt.Println("identity:", (a/b)*b+a%b == a)
	var u uint = 17
	fmt.Println("uint 17/5:", u/5, "17%5:", u%5)
	// integer division of untyped constants
	fmt.Println("const 7/2:", 7/2, "7/2.0:", 7/2.0, "7.0/2:", 7.0/2)
	// floats divide by zero without panicking
	zero := 0.0
	fmt.Println("1/0.0:", 1/zero, "-1/0.0:", -1/zero, "0/0.0:", zero/zero)
	// shift instead of division for negative numbers differs
	n := -7
	fmt.Println("-7/2:", n/2, "-7>>1:", n>>1)
}
