package main

import "fmt"

// As defer_trace_after_recover, but a defer in a loop makes Go run the
// deferred calls through runtime.deferreturn: the trace shows the closing brace.
func run(n int) {
	for i := 0; i < n; i++ {
		defer func() {
			panic(fmt.Sprint("after recover ", i))
		}()
	}
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var p *int
	fmt.Println(*p)
}

func main() {
	run(1)
}
