// The locked twin of racy_counter.go: each counter++ happens under a mutex
// released with defer, so the result is always 2000.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	inc := func() {
		mu.Lock()
		defer mu.Unlock()
		counter++
	}
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
