// Check-then-act, fixed: the check and the withdrawal happen under one lock.
package main

import (
	"fmt"
	"sync"
)

var (
	balance = 100
	mu      sync.Mutex
)

func withdraw(amount int) {
	mu.Lock()
	defer mu.Unlock()
	if balance >= amount {
		balance -= amount
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			withdraw(80)
		}()
	}
	wg.Wait()
	fmt.Println(balance)
}
