package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var v int64 = 10
	fmt.Println("CAS 10->20:", atomic.CompareAndSwapInt64(&v, 10, 20), v)
	fmt.Println("CAS 10->30:", atomic.CompareAndSwapInt64(&v, 10, 30), v)

	// A lock-free max using a CAS loop.
	var maxSeen int64
	var wg sync.WaitGroup
	for i := 1; i <= 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := int64(i * 7 % 23)
			for {
				old := atomic.LoadInt64(&maxSeen)
				if n <= old || atomic.CompareAndSwapInt64(&maxSeen, old, n) {
					return
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("max:", atomic.LoadInt64(&maxSeen))
}
