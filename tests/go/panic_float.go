package main

import "fmt"

func main() {
	fmt.Println("unnamed float64 panic value")
	panic(0.25)
}
