// defer_cost: the fast path of defer. `defer N` makes N calls of a function
// with one deferred call and no panic; `plain N` makes N calls of the same
// function calling bump directly. The difference per call is what a defer
// costs over a plain call (BENCHMARKS.md, "defer on the fast path").
package main

import (
	"fmt"
	"os"
	"strconv"
)

var count int

func bump() { count++ }

func withDefer(i int) int {
	defer bump()
	return i & 7
}

func plain(i int) int {
	bump()
	return i & 7
}

func main() {
	mode := "defer"
	n := 1000000
	if len(os.Args) > 2 {
		mode = os.Args[1]
		n, _ = strconv.Atoi(os.Args[2])
	}
	sum := 0
	if mode == "defer" {
		for i := 0; i < n; i++ {
			sum += withDefer(i)
		}
	} else {
		for i := 0; i < n; i++ {
			sum += plain(i)
		}
	}
	fmt.Println(mode, count, sum)
}
