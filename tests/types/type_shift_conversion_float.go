package main

import "fmt"

func main() {
	e := uint(3)
	fmt.Println(float64(1 << e))
}
