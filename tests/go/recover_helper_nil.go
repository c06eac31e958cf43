package main

import "fmt"

func tryRecover() {
	// Not called directly by the deferred function's caller machinery:
	// this is a helper called BY the deferred function, so recover returns nil.
	r := recover()
	fmt.Println("helper's recover returns:", r)
}

func main() {
	defer func() {
		tryRecover()
		fmt.Println("the panic goes on")
	}()
	panic("not caught by helper")
}
