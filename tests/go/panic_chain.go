package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("second deferred func panics again")
		panic("second")
	}()
	fmt.Println("first panic")
	panic("first")
}
