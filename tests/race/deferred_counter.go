// A deferred closure in each goroutine increments a captured counter.
package main

import (
	"fmt"
	"sync"
)

func main() {
	finished := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				finished++
			}()
		}()
	}
	wg.Wait()
	fmt.Println(finished > 0)
}
