// A mutex guards the writes but not the read.
package main

import (
	"fmt"
	"sync"
	"time"
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
	return s.total
}

func main() {
	s := &Stats{}
	go s.Add(5)
	time.Sleep(time.Millisecond)
	t := s.Total()
	time.Sleep(time.Millisecond)
	fmt.Println(t >= 0)
}
