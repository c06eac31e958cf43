// closures: 5,000,000 calls of a closure that captures and updates a variable, prints the result.
package main

import "fmt"

func counter() func(int) int {
	n := 0
	return func(d int) int {
		n += d
		return n
	}
}

func main() {
	f := counter()
	r := 0
	for i := 0; i < 5000000; i++ {
		r = f(i & 3)
	}
	fmt.Println(r)
}
