// An Unlock of an unlocked Mutex that a goroutine captures (a fused call,
// compile/fuse_sync.rs) takes the native's path: Go's fatal error, after
// the explicit Unlock and before the deferred one returns.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		fmt.Println("locked")
		mu.Unlock()
		fmt.Println("unlocked once")
	}()
	wg.Wait()
	fmt.Println("not reached")
}
