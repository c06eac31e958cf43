package main

import "fmt"

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	defer func() { fmt.Println(f(0)) }()
	fmt.Println("a deferred call recursing without end")
}
