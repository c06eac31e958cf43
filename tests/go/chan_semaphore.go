package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	var wg sync.WaitGroup
	active, peak, done := 0, 0, 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()

			mu.Lock()
			active--
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("done:", done, "peak <= 3:", peak <= 3, "peak >= 1:", peak >= 1)
}
