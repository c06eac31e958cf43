package main

import "fmt"

func c(n int) {
	defer fmt.Println("c: defer")
	if n == 0 {
		panic(fmt.Sprintf("bottom reached at depth %d", n))
	}
	c(n - 1)
}

func b() {
	defer fmt.Println("b: defer")
	c(2)
}

func a() {
	defer fmt.Println("a: defer")
	b()
}

func main() {
	a()
}
