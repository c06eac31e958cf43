package main

import "fmt"

type P struct{ X, Y int }

func main() {
	p := P{1}
	fmt.Println(p)
}
