package main

import "fmt"

// A defer inside a loop: Go runs the deferred calls through
// runtime.deferreturn at the closing brace, even after an explicit return.
func release(names []string) {
	for _, n := range names {
		defer func() {
			fmt.Println("release", n)
			if n == "a" {
				panic("cannot release " + n)
			}
		}()
	}
	fmt.Println("holding", len(names))
	return
}

func main() {
	release([]string{"a", "b"})
}
