// A goroutine writes a strings.Builder through a pointer; main writes the local after a WaitGroup.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	var b strings.Builder
	var wg sync.WaitGroup
	p := &b
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.WriteString("hello")
	}()
	wg.Wait()
	b.WriteString("world")
	fmt.Println(b.Len())
}
