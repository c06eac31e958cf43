package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var ready atomic.Bool
	var value int
	go func() {
		value = 42
		ready.Store(true)
	}()
	spins := 0
	for !ready.Load() {
		runtime.Gosched() // let the other goroutine run
		spins++
	}
	fmt.Println("value:", value, "spun at least 0 times:", spins >= 0)
}
