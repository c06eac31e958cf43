package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var a atomic.Int64
	var m int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 250; i++ {
				a.Add(1)
				mu.Lock()
				m++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic:", a.Load(), "mutex:", m, "equal:", a.Load() == m)
}
