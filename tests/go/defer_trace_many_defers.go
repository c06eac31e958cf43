package main

import "fmt"

// Nine defer statements: more than Go open-codes, so the trace shows the
// closing brace rather than the return.
func nine() {
	defer func() { panic("the first defer") }()
	defer fmt.Println(2)
	defer fmt.Println(3)
	defer fmt.Println(4)
	defer fmt.Println(5)
	defer fmt.Println(6)
	defer fmt.Println(7)
	defer fmt.Println(8)
	defer fmt.Println(9)
	return
}

func main() {
	nine()
}
