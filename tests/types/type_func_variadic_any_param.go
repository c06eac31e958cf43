package main

import "fmt"

func logf(a ...any) {}

func main() {
	var g func(int) = logf
	_ = g
	fmt.Println()
}
