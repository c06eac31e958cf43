package main

import "fmt"

func main() {
	len = 5
	fmt.Println("unreachable")
}
