// Two goroutines write one map under a mutex.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			m[k] = len(k)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(m), m["a"], m["b"])
}
