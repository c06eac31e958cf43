package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var closed atomic.Bool
	fmt.Println("initially:", closed.Load())
	var wg sync.WaitGroup
	var winners atomic.Int32
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if closed.CompareAndSwap(false, true) {
				winners.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("closed:", closed.Load(), "winners:", winners.Load())
	fmt.Println("Swap(false) returned", closed.Swap(false), "now", closed.Load())
}
