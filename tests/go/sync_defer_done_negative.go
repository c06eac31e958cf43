// A deferred wg.Done() that drives the counter negative panics as Go's does,
// after the deferred calls before it ran (the first one with the counter
// above one, the second bringing it to zero).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	defer fmt.Println("deferred print runs")
	defer wg.Done()
	defer wg.Done()
	defer wg.Done()
	fmt.Println("returning")
}
