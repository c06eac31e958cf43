// Publication through an atomic flag: the atomic store and load order the data.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var (
	data  int
	ready int32
)

func main() {
	go func() {
		data = 42
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(data)
}
