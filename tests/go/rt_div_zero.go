package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	fmt.Println("7/2 =", div(7, 2))
	fmt.Println("7/0 =", div(7, 0))
}
