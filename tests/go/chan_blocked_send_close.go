package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	results := make([]string, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, ok := <-ch
			results[i] = fmt.Sprint("receiver ", i, ": ", v, " ", ok)
		}()
	}
	close(ch) // wakes every blocked receiver with the zero value
	wg.Wait()
	fmt.Println(results[0])
	fmt.Println(results[1])
}
