package main

import "fmt"

func cleanup(name string) {
	if r := recover(); r != nil {
		fmt.Println(name, "recovered", r)
		panic(fmt.Sprint(name, " re-panics: ", r))
	}
}

// Panics in deferred calls during another panic, some recovered and
// re-panicked: Go prints the chain with [recovered] markers.
func main() {
	defer func() {
		panic("last word")
	}()
	defer cleanup("second")
	defer cleanup("first")
	panic("original")
}
