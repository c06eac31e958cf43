package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	fmt.Println("10/3 =", div(10, 3))
	fmt.Println("10/0 =", div(10, 0))
}
