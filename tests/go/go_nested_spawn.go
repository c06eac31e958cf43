package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func spawn(depth int, wg *sync.WaitGroup, count *int64) {
	defer wg.Done()
	atomic.AddInt64(count, 1)
	if depth == 0 {
		return
	}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go spawn(depth-1, wg, count)
	}
}

func main() {
	var wg sync.WaitGroup
	var count int64
	wg.Add(1)
	go spawn(4, &wg, &count)
	wg.Wait()
	fmt.Println("goroutines in a binary tree of depth 4:", atomic.LoadInt64(&count))
}
