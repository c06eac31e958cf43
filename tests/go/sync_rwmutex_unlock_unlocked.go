package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	fmt.Println("Unlock of an RWMutex that is not write-locked")
	rw.Unlock()
}
