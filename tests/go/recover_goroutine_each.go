package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var msgs []string
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					defer mu.Unlock()
					msgs = append(msgs, fmt.Sprint("recovered in goroutine ", i, ": ", r))
				}
			}()
			if i%2 == 0 {
				panic(fmt.Sprint("even ", i))
			}
		}()
	}
	wg.Wait()
	sort.Strings(msgs)
	for _, m := range msgs {
		fmt.Println(m)
	}
}
