package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var state = map[string]int{}

func risky(key string) {
	mu.Lock()
	defer mu.Unlock() // released even though we panic below
	if key == "" {
		panic("empty key")
	}
	state[key]++
}

func safe(key string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	risky(key)
}

func main() {
	safe("a")
	safe("")
	safe("a")
	mu.Lock()
	fmt.Println("lock still usable, state =", state)
	mu.Unlock()
}
