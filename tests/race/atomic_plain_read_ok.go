// The plain read comes after the last atomic, ordered by a WaitGroup.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type state struct {
	flag uint32
}

func main() {
	s := &state{flag: 7}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.CompareAndSwapUint32(&s.flag, 7, uint32(i))
			atomic.AddUint32(&s.flag, 10)
		}()
	}
	wg.Wait()
	fmt.Println(s.flag >= 10)
}
