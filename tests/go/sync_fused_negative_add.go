// A captured WaitGroup's Add that drives the counter negative (a fused
// call, compile/fuse_sync.rs) panics as Go's does, the goroutine's deferred
// calls running first.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Add(2)
	go func() {
		defer fmt.Println("deferred print runs")
		mu.Lock()
		wg.Add(-1)
		fmt.Println("counter at one")
		mu.Unlock()
		wg.Add(-5)
		fmt.Println("not reached")
	}()
	wg.Wait()
}
