// Captured counters updated and returned: fused in gomini (LoadCaptureAddStoreReturn and kin),
// called from loops, from a deferred call, as a goroutine's function, and from goroutines under a lock.
package main

import (
	"fmt"
	"sync"
)

func counter(step int) (func(int) int, func() int) {
	n := 0
	add := func(d int) int {
		n += d
		return n
	}
	inc := func() int {
		n++
		return n
	}
	_ = step
	return add, inc
}

func deferred() (r int) {
	n := 10
	defer func() int {
		n++
		r = n
		return n
	}()
	defer func() int {
		n += 5
		return n
	}()
	return 0
}

func main() {
	add, inc := counter(1)
	r := 0
	for i := 0; i < 1000; i++ {
		r = add(i & 3)
		if i%7 == 0 {
			r = inc()
		}
	}
	fmt.Println(r, add(0), inc())
	fmt.Println(deferred())

	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	bump := func() int {
		total++
		return total
	}
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				mu.Lock()
				bump()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)

	// A goroutine whose function is the counter itself.
	done := make(chan int)
	c := 0
	f := func() int {
		c += 3
		done <- c
		return c
	}
	go f()
	fmt.Println(<-done)
}
