package main

import "fmt"

// recover called by a function literal that the deferred function calls
// (not the deferred function itself) returns nil; the deferred call's own
// recover then stops the panic.
func main() {
	defer func() {
		inner := func() any { return recover() }
		fmt.Println("nested recover:", inner())
		fmt.Println("direct recover:", recover())
	}()
	panic("boom")
}
