// A goroutine writes a strings.Builder while main reads its String.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	var b strings.Builder
	go func() {
		b.WriteRune('é')
	}()
	time.Sleep(time.Millisecond)
	s := b.String()
	fmt.Println(len(s))
}
