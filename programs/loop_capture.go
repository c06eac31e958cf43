// Deferred closures capturing the loop variable (article, section 2.4).
// Since Go 1.22 each iteration has its own i, so this prints 2 1 0.
// The article shows the old behaviour, one shared i, which printed 3 3 3:
// see loop_capture.shared.out (gomini --loopvar=shared).
package main

import "fmt"

// golden: loopvar-shared

func main() {
	for i := 0; i < 3; i++ {
		defer func() {
			fmt.Println(i) // prints 2 1 0 (Go 1.22+); 3 3 3 before
		}()
	}
}
