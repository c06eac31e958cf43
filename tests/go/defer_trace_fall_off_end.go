package main

import "fmt"

// No return statement: the deferred calls run at the closing brace.
func step(i int) {
	defer func() {
		if i == 2 {
			panic("step 2 failed")
		}
	}()
	fmt.Println("step", i)
}

func main() {
	for i := 0; i < 3; i++ {
		step(i)
	}
}
