package main

import "fmt"

func main() {
	a, b := 17, 0
	fmt.Println("float division by zero is fine:", 1.0/float64(b) > 1e308)
	fmt.Println(a % b)
}
