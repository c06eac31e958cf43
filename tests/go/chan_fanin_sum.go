package main

import (
	"fmt"
	"sync"
)

func source(start, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := start; i < start+n; i++ {
			out <- i
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	total, count := 0, 0
	for v := range merge(source(0, 100), source(100, 100), source(200, 100)) {
		total += v
		count++
	}
	fmt.Println("count", count, "total", total)
}
