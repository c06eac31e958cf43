package main

import "fmt"

// The second deferred call recovers; the first one then panics. Go runs it
// from where the first panic left the frame, and the trace shows that line.
func run() {
	defer func() {
		panic("after recover")
	}()
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var m map[string]int
	m["x"] = 1
	fmt.Println("unreached")
}

func main() {
	run()
}
