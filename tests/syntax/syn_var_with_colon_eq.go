package main

import "fmt"

func main() {
	var x := 1
	fmt.Println(x)
}
