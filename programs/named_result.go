// A deferred closure can change a named result after `return` has set it
// (article, section 2.2).
package main

import "fmt"

func f() (r int) {
	defer func() { r = r + 1 }()
	return 5 // actually returns 6
}

func g() int {
	r := 5
	defer func() { r = r + 1 }()
	return r // unnamed result: the value 5 is already copied out
}

func main() {
	fmt.Println("f() with a named result:", f())
	fmt.Println("g() with an unnamed result:", g())
}
