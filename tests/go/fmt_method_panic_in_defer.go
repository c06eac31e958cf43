package main

import "fmt"

type P struct{}

func (P) String() string { panic("boom") }

type Q struct{}

func (Q) String() string {
	defer fmt.Println("Q defer")
	var m map[string]int
	m["a"] = 1
	return "q"
}

func main() {
	defer func() {
		fmt.Println("deferred print:", P{}, Q{})
		fmt.Println("rec:", recover())
	}()
	panic(fmt.Sprint(P{}))
}
