package main

import "fmt"

func main() {
	x := 1__2
	fmt.Println(x)
}
