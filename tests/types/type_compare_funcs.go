package main

import "fmt"

func main() {
	f := func() {}
	g := func() {}
	fmt.Println(f == g)
}
