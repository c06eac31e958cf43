package main

import (
	"fmt"
	"runtime"
	"sync"
)

// Goexit runs the goroutine's deferred calls; recover returns nil during it.
func main() {
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				results[i] = fmt.Sprintf("worker %d: recover=%v", i, recover())
			}()
			if i == 1 {
				runtime.Goexit()
			}
			if i == 2 {
				panic(fmt.Sprint("worker ", i))
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}
