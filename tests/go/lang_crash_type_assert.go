package main

import "fmt"

func main() {
	var v any = "text"
	s := v.(string)
	fmt.Println("ok:", s)
	n := v.(int)
	fmt.Println("not reached", n)
}
