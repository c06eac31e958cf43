// The article's recommended fix: recover inside the goroutine and send the
// error back to main on a channel (section 3.2).
package main

import (
	"fmt"
	"sync"
)

func main() {
	errc := make(chan error, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errc <- fmt.Errorf("goroutine %d: %v", i, r)
				}
			}()
			if i == 2 {
				panic("child goroutine crashed")
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		fmt.Println("main handles the error safely:", err)
	}
}
