// Deferred wg.Done() calls: many goroutines (counter well above zero), two
// deferred Dones in one function, Dones that bring the counter to zero and
// wake Wait, and a Done that drives it negative under recover.
package main

import (
	"fmt"
	"sync"
)

func twice(wg *sync.WaitGroup, mu *sync.Mutex, total *int) {
	defer wg.Done()
	defer wg.Done()
	mu.Lock()
	*total += 2
	mu.Unlock()
}

func negative() (msg string) {
	defer func() { msg = fmt.Sprint("recovered: ", recover()) }()
	var wg sync.WaitGroup
	wg.Add(3)
	defer wg.Done()
	defer wg.Done()
	defer wg.Done()
	defer wg.Done()
	return "no panic"
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total++
			mu.Unlock()
		}()
	}
	for i := 0; i < 20; i++ {
		wg.Add(2)
		go twice(&wg, &mu, &total)
	}
	wg.Wait()
	fmt.Println("total", total)

	var one sync.WaitGroup
	one.Add(1)
	go func() {
		defer one.Done()
		fmt.Println("last one out")
	}()
	one.Wait()
	fmt.Println(negative())
}
