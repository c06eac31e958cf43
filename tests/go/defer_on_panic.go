package main

import "fmt"

func inner() {
	defer fmt.Println("inner: defer 1")
	defer fmt.Println("inner: defer 2")
	panic("boom")
}

func outer() {
	defer fmt.Println("outer: defer runs during panic")
	inner()
	fmt.Println("outer: never reached")
}

func main() {
	defer fmt.Println("main: defer runs last")
	outer()
}
