// A goroutine writes a slice element that main reads without waiting.
package main

import (
	"fmt"
	"time"
)

func main() {
	s := make([]int, 4)
	go func() {
		s[2] = 7
	}()
	time.Sleep(time.Millisecond)
	v := s[2]
	fmt.Println(v >= 0)
}
