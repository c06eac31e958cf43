// Writers take the write lock; readers share the read lock.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.RWMutex
	cache = map[int]int{}
)

func put(k int) {
	mu.Lock()
	cache[k] = k * k
	mu.Unlock()
}

func get(k int) int {
	mu.RLock()
	defer mu.RUnlock()
	return cache[k]
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			put(i)
			get(i)
		}()
	}
	wg.Wait()
	fmt.Println(get(0), get(1), get(2))
}
