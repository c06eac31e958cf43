package main

import "fmt"

func main() {
	var x interface{} = "hello"
	s, ok := x.(int)
	fmt.Println("comma-ok form does not panic:", s, ok)
	n := x.(int)
	fmt.Println(n)
}
