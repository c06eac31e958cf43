// Defers run in last-in, first-out order (article, section 2.1).
package main

import "fmt"

func example() {
	defer fmt.Println("first")
	defer fmt.Println("second")
	defer fmt.Println("third")
}

func main() {
	example()
}
