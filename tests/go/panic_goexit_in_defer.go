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
		defer func() {
			fmt.Println("recover after Goexit replaced the panic:", recover())
		}()
		defer runtime.Goexit()
		panic("will be cancelled by Goexit")
	}()
	wg.Wait()
	fmt.Println("main: done")
}
