// Arguments of a deferred call are evaluated when the defer statement runs;
// a deferred closure reads variables when it runs.
package main

import "fmt"

func main() {
	x := 1
	defer fmt.Println("deferred argument, evaluated at the defer:", x)
	defer func() {
		fmt.Println("deferred closure, reading x at the end:", x)
	}()
	x = 100
	fmt.Println("x set to", x)
}
