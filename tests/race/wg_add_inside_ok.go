// WaitGroup.Add before the go statement: Wait returns after Done.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	result := 0
	wg.Add(1)
	go func() {
		time.Sleep(time.Millisecond)
		result = 42
		wg.Done()
	}()
	wg.Wait()
	fmt.Println(result)
}
