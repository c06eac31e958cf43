package main

import "fmt"

func main() {
	x, n := 1, 3
	fmt.Println("1 << 3 =", x<<n)
	n = -1
	fmt.Println(x << n)
}
