// A goroutine grows and resets a strings.Builder under a mutex; main reads Len and Cap under it.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	b := &strings.Builder{}
	b.WriteString("abc")
	var mu sync.Mutex
	go func() {
		mu.Lock()
		b.Grow(100)
		b.Reset()
		mu.Unlock()
	}()
	time.Sleep(time.Millisecond)
	mu.Lock()
	fmt.Println(b.Len(), b.Cap())
	mu.Unlock()
}
