// A cleanup that many goroutines may trigger but that must run only once
// (article, section 4.4), with sync.Once and with an atomic flag.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var once sync.Once

func releaseResources() {
	fmt.Println("resources released")
}

func safeCleanup() {
	once.Do(releaseResources)
}

var cleaned atomic.Bool

func safeCleanupAtomic() {
	if !cleaned.Swap(true) { // only the first caller sees false
		fmt.Println("resources released (atomic flag)")
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer safeCleanup() // every goroutine asks for the cleanup
		}()
	}
	wg.Wait()
	fmt.Println("phase 1 done: five callers, one cleanup")

	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer safeCleanupAtomic()
		}()
	}
	wg.Wait()
	fmt.Println("phase 2 done: five callers, one cleanup")
}
