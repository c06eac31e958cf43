package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var cleanups int

func cleanup() {
	cleanups++
	fmt.Println("cleanup ran")
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer once.Do(cleanup) // every goroutine asks, only one runs it
		}()
	}
	wg.Wait()
	once.Do(cleanup)
	fmt.Println("cleanup count:", cleanups)
}
