package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	done := make(chan bool)
	go func() {
		mu.Unlock() // allowed: a Mutex is not tied to a goroutine
		done <- true
	}()
	<-done
	mu.Lock()
	fmt.Println("relocked after another goroutine unlocked")
	mu.Unlock()
}
