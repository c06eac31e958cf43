// The closer waits until the select has finished, so its send case happens before the close.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	sent := make(chan struct{})
	go func() {
		select {
		case ch <- 1:
		default:
		}
		close(sent)
	}()
	go func() {
		<-sent
		close(ch)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(<-ch)
}
