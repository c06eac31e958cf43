// A buffered channel of capacity 1 used as a lock: the k-th receive happens before the (k+1)-th send completes.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan int, 1)
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			count++
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(count)
}
