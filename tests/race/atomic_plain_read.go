// A plain read of a field racing with an atomic compare-and-swap on it.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type state struct {
	flag uint32
}

func main() {
	s := &state{flag: 7}
	go func() {
		fmt.Println(s.flag)
	}()
	go func() {
		time.Sleep(time.Millisecond)
		atomic.CompareAndSwapUint32(&s.flag, 1, 2)
	}()
	time.Sleep(10 * time.Millisecond)
}
