package main

import "fmt"

// The recovered panic is the second explicit one, yet Go's trace shows the
// frame at the first `panic` in the function: after a recovery it runs the
// remaining deferred calls from a call it lays out with its panic blocks.
func parse(s string) {
	defer func() {
		panic("parse of " + s + " left a bad state")
	}()
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	if s == "" {
		panic("empty input")
	}
	if s[0] == '-' {
		panic("negative input")
	}
	fmt.Println("parsed", s)
}

func main() {
	parse("-1")
}
