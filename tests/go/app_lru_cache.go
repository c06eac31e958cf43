package main

import (
	"fmt"
	"strconv"
	"strings"
)

type entry struct {
	key        string
	value      int
	prev, next *entry
}

type LRU struct {
	capacity   int
	items      map[string]*entry
	head, tail *entry // head = most recent
	hits, miss int
}

func NewLRU(capacity int) *LRU {
	return &LRU{capacity: capacity, items: make(map[string]*entry)}
}

func (c *LRU) unlink(e *entry) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		c.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (c *LRU) pushFront(e *entry) {
	e.next = c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}

func (c *LRU) Get(key string) (int, bool) {
	e, ok := c.items[key]
	if !ok {
		c.miss++
		return 0, false
	}
	c.hits++
	c.unlink(e)
	c.pushFront(e)
	return e.value, true
}

func (c *LRU) Put(key string, value int) (evicted string) {
	if e, ok := c.items[key]; ok {
		e.value = value
		c.unlink(e)
		c.pushFront(e)
		return
	}
	if len(c.items) == c.capacity {
		old := c.tail
		c.unlink(old)
		delete(c.items, old.key)
		evicted = old.key
	}
	e := &entry{key: key, value: value}
	c.items[key] = e
	c.pushFront(e)
	return
}

func (c *LRU) String() string {
	var parts []string
	for e := c.head; e != nil; e = e.next {
		parts = append(parts, fmt.Sprintf("%s=%d", e.key, e.value))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	c := NewLRU(3)
	ops := []string{"put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put a 10", "put e 5", "get d", "get a", "get e"}
	for _, op := range ops {
		f := strings.Fields(op)
		switch f[0] {
		case "put":
			v, _ := strconv.Atoi(f[2])
			if ev := c.Put(f[1], v); ev != "" {
				fmt.Printf("%-9s evicted %s -> %v\n", op, ev, c)
			} else {
				fmt.Printf("%-9s -> %v\n", op, c)
			}
		case "get":
			v, ok := c.Get(f[1])
			fmt.Printf("%-9s = %d %v -> %v\n", op, v, ok, c)
		}
	}
	fmt.Printf("hits=%d misses=%d size=%d\n", c.hits, c.miss, len(c.items))
}
