// The article's fix for loop capture: pass i as an argument, so each
// deferred call gets its own copy at the defer statement (section 2.4).
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func(val int) {
			fmt.Println(val) // prints 2 1 0
		}(i)
	}
}
