// Each goroutine's deferred log line runs when that goroutine exits, but the
// order between goroutines is up to the scheduler (article, section 3.3).
// Its stderr varies from run to run, so it has no golden.
package main

// golden: none

import (
	"log"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer func() {
				log.Printf("Goroutine %d exiting", id)
			}()
			time.Sleep(time.Microsecond) // simulated work
			wg.Done()
		}(i)
	}
	wg.Wait()
}
