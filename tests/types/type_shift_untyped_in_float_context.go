package main

import "fmt"

func main() {
	e := 3
	var f float64 = 2 + 3<<e
	fmt.Println(f)
}
