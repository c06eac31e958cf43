// The race demo: two goroutines do counter++ 1000 times each WITHOUT a lock.
// counter++ is a read, an add and a write, so increments get lost and the
// result varies from run to run (often less than 2000). `go run -race`
// reports the data race. See counter_mutex.go for the fixed version.
package main

// golden: none

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
