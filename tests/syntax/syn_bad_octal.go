package main

import "fmt"

func main() {
	x := 09
	fmt.Println(x)
}
