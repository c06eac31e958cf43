package main

import (
	"fmt"
	"sync"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	var started sync.WaitGroup
	started.Add(2)
	go func() {
		started.Done()
		<-a // waits for b's goroutine
		b <- 1
	}()
	go func() {
		started.Done()
		<-b // waits for a's goroutine
		a <- 1
	}()
	started.Wait()
	fmt.Println("two goroutines wait on each other; main waits on both")
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
