package main

import "fmt"

type T struct{ A int }

func main() {
	t := T{}
	fmt.Println(t.Missing())
}
