package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var inside sync.WaitGroup
	release := make(chan struct{})
	var done sync.WaitGroup
	rw.RLock() // main holds a read lock
	for i := 0; i < 3; i++ {
		inside.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			rw.RLock() // readers do not block each other
			inside.Done()
			<-release
			rw.RUnlock()
		}()
	}
	inside.Wait()
	fmt.Println("3 readers hold the lock together with main")
	close(release)
	done.Wait()
	rw.RUnlock()
	rw.Lock()
	fmt.Println("writer got the lock after all readers left")
	rw.Unlock()
}
