package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan string)
	select {
	case m := <-never:
		fmt.Println("got", m)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out after 20ms")
	}
	quick := make(chan string, 1)
	quick <- "ready"
	select {
	case m := <-quick:
		fmt.Println("got", m, "before the timeout")
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
