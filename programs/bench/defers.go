// defers: 2,000,000 calls of a function with a defer; every 1000th call panics and is recovered. Prints counts and a checksum.
package main

import "fmt"

var recovered, deferred int

func work(i int) (r int) {
	defer func() {
		deferred++
		if e := recover(); e != nil {
			recovered++
			r = -1
		}
	}()
	if i%1000 == 0 {
		panic("boom")
	}
	return i & 7
}

func main() {
	sum := 0
	for i := 0; i < 2000000; i++ {
		sum += work(i)
	}
	fmt.Println(recovered, deferred, sum)
}
