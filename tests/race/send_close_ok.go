// The close waits for the producer (WaitGroup), so the send happens before it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
	}()
	go func() {
		wg.Wait()
		close(ch)
	}()
	time.Sleep(10 * time.Millisecond)
	for v := range ch {
		fmt.Println(v)
	}
	fmt.Println(len(ch), cap(ch))
}
