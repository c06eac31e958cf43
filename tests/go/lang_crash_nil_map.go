package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println("reading a nil map is fine:", m["a"])
	m["a"] = 1
	fmt.Println("not reached")
}
