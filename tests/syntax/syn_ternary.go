package main

import "fmt"

func main() {
	a := 1
	x := a > 0 ? 1 : 2
	fmt.Println(x)
}
