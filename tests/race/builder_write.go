// Two goroutines write one strings.Builder without synchronization.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	var b strings.Builder
	go func() {
		b.WriteString("hello")
	}()
	time.Sleep(time.Millisecond)
	b.WriteByte('!')
	fmt.Println(b.Len())
}
