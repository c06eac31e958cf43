package main

import "fmt"

// The condition of a three-clause for loop is an increment, not an expression.
func main() {
	for x := 0; x++ {
		fmt.Println(x)
	}
}
