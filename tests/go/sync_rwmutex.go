package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu sync.RWMutex
	m  map[int]int
}

func (c *Cache) Get(k int) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *Cache) Set(k, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func main() {
	c := &Cache{m: map[int]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(i, i*i)
		}()
	}
	wg.Wait()
	var readers sync.WaitGroup
	sums := make([]int, 4)
	for r := 0; r < 4; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for k := 0; k < 10; k++ {
				v, _ := c.Get(k)
				sums[r] += v
			}
		}()
	}
	readers.Wait()
	fmt.Println("each reader summed:", sums)
	_, ok := c.Get(99)
	fmt.Println("key 99 present:", ok)
}
