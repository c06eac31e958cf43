// A select's send case racing with close (Go's select reads the channel of each send case).
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	other := make(chan int)
	go func() {
		select {
		case ch <- 1:
			fmt.Println("sent")
		case <-other:
			fmt.Println("other")
		}
	}()
	go func() {
		time.Sleep(time.Millisecond)
		close(ch)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
