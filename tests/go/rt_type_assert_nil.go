package main

import "fmt"

func main() {
	var v any
	fmt.Println("v is nil:", v == nil)
	s := v.(string)
	fmt.Println(s)
}
