// A send racing with close: nothing orders the producer's send before the close.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 10)
	go func() {
		ch <- 1
	}()
	go func() {
		time.Sleep(time.Millisecond)
		close(ch)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(len(ch), cap(ch))
}
