package main

import "fmt"

func show(label string, v int) {
	fmt.Println(label, v)
}

func main() {
	x := 1
	defer show("argument captured at defer time:", x)
	defer func() { show("closure sees final value:", x) }()
	y := 10
	defer show("expression y*2 evaluated early:", y*2)
	x = 2
	y = 100
	x++
	fmt.Println("main ends with x =", x, "y =", y)
}
