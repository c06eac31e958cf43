package main

import "fmt"

func run() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		_, isErr := r.(error)
		fmt.Println("is error:", isErr)
	}()
	var f func(int)
	defer f(1)
	fmt.Println("run body finished")
}

func main() {
	run()
	fmt.Println("main continues")
}
