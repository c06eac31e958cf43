package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				func() {
					mu.Lock()
					defer mu.Unlock()
					counter++
				}()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
