// A goroutine resets a strings.Builder while main reads its Len and Cap.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	b := &strings.Builder{}
	b.WriteString("abc")
	go func() {
		b.Reset()
	}()
	time.Sleep(time.Millisecond)
	fmt.Println(b.Len(), b.Cap())
}
