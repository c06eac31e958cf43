// Go counts `x++` and `x += 1` as uses of x (they read it), inside closures
// and out: none of these is "declared and not used".
package main

import "fmt"

func main() {
	a := 0
	a++
	b := 0
	b += 2
	c := 0
	inc := func() { c++ }
	inc()
	d := 10
	func() { d -= 1 }()
	e := 0
	func() { func() { e-- }() }()
	fmt.Println("ok")
}
