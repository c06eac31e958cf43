// A buffered channel of capacity 2 used as a lock admits two goroutines at once.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan int, 2)
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			count++
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(count > 0)
}
