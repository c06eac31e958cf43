// A goroutine writes a strings.Builder; main reads its String after the goroutine is done.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	done := make(chan struct{})
	go func() {
		b.WriteRune('é')
		close(done)
	}()
	<-done
	s := b.String()
	fmt.Println(len(s))
}
