// Two goroutines write one strings.Builder under a mutex.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	var b strings.Builder
	var mu sync.Mutex
	go func() {
		mu.Lock()
		b.WriteString("hello")
		mu.Unlock()
	}()
	time.Sleep(time.Millisecond)
	mu.Lock()
	b.WriteByte('!')
	n := b.Len()
	mu.Unlock()
	fmt.Println(n)
}
