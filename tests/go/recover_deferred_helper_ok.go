package main

import "fmt"

func handle(where string) {
	if r := recover(); r != nil {
		fmt.Println(where, "recovered:", r)
	}
}

func work() {
	defer handle("work") // handle is the deferred function: recover works
	panic("oops")
}

func main() {
	work()
	fmt.Println("main continues")
}
