// Goroutines started in a loop all write one captured variable.
package main

import (
	"fmt"
	"sync"
)

func main() {
	last := -1
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last = i
		}()
	}
	wg.Wait()
	fmt.Println(last >= 0)
}
