package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	requests atomic.Int64
	errors   atomic.Int32
}

func main() {
	var s Stats
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.requests.Add(2)
			if i%5 == 0 {
				s.errors.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("requests:", s.requests.Load(), "errors:", s.errors.Load())
	s.requests.Store(7)
	fmt.Println("after Store:", s.requests.Load())
	fmt.Println("Swap returns old:", s.requests.Swap(9), "new:", s.requests.Load())
}
