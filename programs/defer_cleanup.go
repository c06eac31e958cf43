// A deferred call runs after the function body, just before it returns
// (article, section 2.3).
package main

import "fmt"

func example() {
	defer fmt.Println("cleanup")
	fmt.Println("main logic")
}

func main() {
	example()
}
