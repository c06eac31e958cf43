package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("worker finishes")
	}()
	wg.Wait()
	fmt.Println("main blocks in select {} after the worker is gone")
	select {}
}
