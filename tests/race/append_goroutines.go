// Append from goroutines: every goroutine reads and writes the shared slice header.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var results []int
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results = append(results, i)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
