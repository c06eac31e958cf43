package main

import (
	"fmt"
	"time"
)

func main() {
	events := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			events <- i
		}
	}()
	for {
		select {
		case e := <-events:
			fmt.Println("event", e)
		case <-time.After(30 * time.Millisecond):
			fmt.Println("no event for 30ms: stop")
			return
		}
	}
}
