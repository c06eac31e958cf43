package main

import "fmt"

// A deferred call recovers nothing (no panic is running at a plain return)
// and panics itself: the trace shows work at its `return`.
func work() {
	defer func() {
		r := recover()
		panic(fmt.Sprintf("cleanup saw %v", r))
	}()
	fmt.Println("working")
	return
}

func main() {
	work()
}
