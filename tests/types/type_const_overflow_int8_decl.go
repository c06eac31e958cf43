package main

import "fmt"

func main() {
	var x int8 = 128
	fmt.Println(x)
}
