package main

import "fmt"

func main() {
	if true
	x := 1
	fmt.Println(x)
}
