// parked: peak memory of 1,000,000 goroutines all blocked receiving on one channel; main closes it and waits. Prints the count.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	woken := 0
	for i := 0; i < 1000000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ch
			mu.Lock()
			woken++
			mu.Unlock()
		}()
	}
	close(ch)
	wg.Wait()
	fmt.Println(woken)
}
