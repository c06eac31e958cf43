package main

import "fmt"

func inner() {
	defer fmt.Println("inner defer")
	panic("stop")
}

func middle() {
	defer func() {
		fmt.Println("middle recovered:", recover())
	}()
	inner()
	fmt.Println("middle: not reached")
}

func outer() {
	defer fmt.Println("outer defer (normal return)")
	middle()
	fmt.Println("outer: continues after middle returned")
}

func main() {
	outer()
	fmt.Println("main done")
}
