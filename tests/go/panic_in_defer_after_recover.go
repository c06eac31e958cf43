package main

import "fmt"

func f() {
	defer func() {
		fmt.Println("outer defer recovers:", recover())
	}()
	defer func() {
		r := recover()
		fmt.Println("inner defer recovered:", r)
		panic("panic raised while handling")
	}()
	panic("initial")
}

func main() {
	f()
	fmt.Println("main: f returned normally")
}
