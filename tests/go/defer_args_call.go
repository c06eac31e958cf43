package main

import "fmt"

func trace(name string) string {
	fmt.Println("enter", name)
	return name
}

func un(name string) {
	fmt.Println("leave", name)
}

func a() {
	defer un(trace("a"))
	fmt.Println("in a")
}

func b() {
	defer un(trace("b"))
	fmt.Println("in b")
	a()
}

func main() {
	b()
}
