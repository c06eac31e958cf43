package main

import "fmt"

func main() {
	var n int
	n = "five"
	fmt.Println(n)
}
