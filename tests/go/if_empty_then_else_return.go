package main

import "fmt"

type T struct{}

func f(x int) int {
	if x < 0 {
	} else {
		return 1
	}
	return 2
}

func g(p *T) int {
	if p == nil {
	} else {
		return 1
	}
	return 2
}

func main() {
	fmt.Println(f(-1), f(1), g(nil), g(&T{}))
}
