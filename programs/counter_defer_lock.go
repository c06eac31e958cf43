// The article's safeWorker (section 3.1): the increment and the deferred
// decrement of a shared counter both take the lock, so after all workers
// finish the counter is back to 0.
package main

import (
	"fmt"
	"sync"
	"time"
)

var mu sync.Mutex
var counter int

func safeWorker(wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	counter++
	mu.Unlock()
	defer func() {
		mu.Lock()
		counter--
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go safeWorker(&wg)
	}
	wg.Wait()
	fmt.Println("counter after all workers:", counter)
}
