package main

import "fmt"

func handle() {
	if r := recover(); r != nil {
		fmt.Println("handled:", r)
	}
}

func logAndRecover() {
	handle()
	fmt.Println("helper called handle, recovered nothing")
}

func work(n int) {
	defer logAndRecover()
	fmt.Println("work", n)
	panic(fmt.Sprintf("work %d failed", n))
}

// A helper called by the deferred function cannot recover: the panic goes on.
func main() {
	defer handle()
	work(1)
	fmt.Println("unreached")
}
