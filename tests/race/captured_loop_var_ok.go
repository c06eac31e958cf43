// Goroutines started in a loop each write their own element.
package main

import (
	"fmt"
	"sync"
)

func main() {
	seen := make([]int, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = i + 1
		}()
	}
	wg.Wait()
	fmt.Println(seen)
}
