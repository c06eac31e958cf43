package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for round := 1; round <= 3; round++ {
		results := make([]int, round)
		for i := 0; i < round; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = round * 10
			}()
		}
		wg.Wait()
		fmt.Println("round", round, results)
	}
}
