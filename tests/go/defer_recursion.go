package main

import "fmt"

func down(n int) {
	if n == 0 {
		fmt.Println("bottom")
		return
	}
	defer fmt.Println("unwinding", n)
	fmt.Println("descending", n)
	down(n - 1)
}

func fact(n int) (r int) {
	defer func() {
		fmt.Printf("fact(%d) = %d\n", n, r)
	}()
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func main() {
	down(3)
	fact(5)
}
