package main

import "fmt"

func main() {
	x := 100_
	fmt.Println(x)
}
