package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			squares[n] = n * n // each goroutine writes only its own slot
		}(i)
	}
	wg.Wait()
	fmt.Println("squares:", squares)
}
