package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	hits := map[string]int{}
	words := []string{"go", "rust", "go", "c", "go", "rust"}
	for _, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			hits[w]++
		}()
	}
	wg.Wait()
	fmt.Println(hits)
}
