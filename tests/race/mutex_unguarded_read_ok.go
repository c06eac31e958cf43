// A mutex guards the writes and the read.
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu    sync.Mutex
	total int
}

func (s *Stats) Add(n int) {
	s.mu.Lock()
	s.total += n
	s.mu.Unlock()
}

func (s *Stats) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Add(5)
	}()
	wg.Wait()
	fmt.Println(s.Total())
}
