package main

import "fmt"

func main() {
	x := 5
	v, ok := x.(int)
	fmt.Println(v, ok)
}
