package main

import "fmt"

func main() {
	f := func() { fmt.Println("original f") }
	defer f() // the function value is evaluated now
	f = func() { fmt.Println("replacement f") }
	defer f()
	getter := func() func() {
		fmt.Println("getter called at defer statement")
		return func() { fmt.Println("returned func runs at the end") }
	}
	defer getter()()
	fmt.Println("main body done")
}
