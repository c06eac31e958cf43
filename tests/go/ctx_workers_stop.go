package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, id int, jobs <-chan int, wg *sync.WaitGroup, counts []int) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-jobs:
			if !ok {
				return
			}
			counts[id]++
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan int)
	counts := make([]int, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, &wg, counts)
	}
	for j := 0; j < 30; j++ {
		jobs <- j
	}
	cancel()
	wg.Wait()
	fmt.Println("all workers stopped after cancel; jobs done:", counts[0]+counts[1]+counts[2])
	fmt.Println("ctx.Err():", ctx.Err())
}
