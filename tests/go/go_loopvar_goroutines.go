package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = i + 100 // Go 1.22+: each goroutine has its own i
		}()
	}
	wg.Wait()
	fmt.Println(seen)
}
