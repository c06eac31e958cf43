// A goroutine writes a strings.Builder through a pointer while main writes the local itself.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	var b strings.Builder
	p := &b
	go func() {
		p.WriteString("hello")
	}()
	time.Sleep(time.Millisecond)
	b.WriteString("world")
	fmt.Println(b.Len())
}
