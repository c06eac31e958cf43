package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("goroutine: deferred call runs on Goexit")
		func() {
			defer fmt.Println("goroutine: inner defer runs too")
			runtime.Goexit()
		}()
		fmt.Println("goroutine: never reached")
	}()
	wg.Wait()
	fmt.Println("main: goroutine exited via Goexit")
}
