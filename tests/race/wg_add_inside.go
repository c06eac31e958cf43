// WaitGroup.Add inside the goroutine: Wait can return before Add has run.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	result := 0
	go func() {
		time.Sleep(time.Millisecond)
		wg.Add(1)
		result = 42
		wg.Done()
	}()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(result)
}
