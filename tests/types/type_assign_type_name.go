package main

import "fmt"

type T int

func main() {
	T = 1
	fmt.Println("unreachable")
}
