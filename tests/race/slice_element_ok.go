// Each goroutine writes its own element; Wait orders them before the reads.
package main

import (
	"fmt"
	"sync"
)

func main() {
	s := make([]int, 4)
	var wg sync.WaitGroup
	for i := range s {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println(s)
}
