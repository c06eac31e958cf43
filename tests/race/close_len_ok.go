// Receives, len and cap do not touch the channel word close writes: no race.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 4)
	ch <- 1
	go func() {
		close(ch)
	}()
	go func() {
		fmt.Println(<-ch)
	}()
	time.Sleep(time.Millisecond)
	fmt.Println(len(ch), cap(ch))
	time.Sleep(10 * time.Millisecond)
}
