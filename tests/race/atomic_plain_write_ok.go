// Every access is atomic: atomics never race with each other.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var counter int64

func main() {
	go func() {
		atomic.AddInt64(&counter, 1)
	}()
	go func() {
		time.Sleep(time.Millisecond)
		atomic.StoreInt64(&counter, 5)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(atomic.LoadInt64(&counter))
}
