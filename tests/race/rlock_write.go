// Writers holding only the read lock of an RWMutex.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.RWMutex
	cache = map[int]int{}
)

func put(k int) {
	mu.RLock()
	cache[k] = k * k
	mu.RUnlock()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			put(i)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
