// Keep defer inside the goroutine that owns the resource (article, section
// 4.2): the lock is taken and released by the same goroutine.
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex

func goodExample(wg *sync.WaitGroup, id int, out []string) {
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		out[id] = fmt.Sprint("safe processing ", id)
	}()
}

func main() {
	var wg sync.WaitGroup
	out := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		goodExample(&wg, i, out)
	}
	wg.Wait()
	for _, s := range out {
		fmt.Println(s)
	}
}
