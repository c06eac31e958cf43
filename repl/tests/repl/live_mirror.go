package main

import (
	"fmt"
	"sync"
	"time"
)

func step() int { return 1 }

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; ; i++ {
			ch <- i
		}
	}()
	v := <-ch
	fmt.Printf("%v (%T)\n", v, v)
	v = <-ch
	fmt.Printf("%v (%T)\n", v, v)
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	mu.Lock()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); mu.Lock(); count++; mu.Unlock() }()
	}
	time.Sleep(time.Millisecond)
	fmt.Printf("%v (%T)\n", count, count)
	mu.Unlock()
	wg.Wait()
	fmt.Printf("%v (%T)\n", count, count)
	req := make(chan int)
	resp := make(chan int)
	go func() {
		for {
			n := <-req
			resp <- n + step()
		}
	}()
	req <- 1
	fmt.Println(<-resp)
	v = <-ch
	fmt.Printf("%v (%T)\n", v, v)
	boom := make(chan bool)
	go func() { <-boom; panic("boom") }()
	boom <- true
	time.Sleep(time.Second)
}
