// The deferred closure takes a lock around the increment.
package main

import (
	"fmt"
	"sync"
)

func main() {
	finished := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				mu.Lock()
				finished++
				mu.Unlock()
			}()
		}()
	}
	wg.Wait()
	fmt.Println(finished)
}
