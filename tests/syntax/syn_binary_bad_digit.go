package main

import "fmt"

func main() {
	x := 0b102
	fmt.Println(x)
}
