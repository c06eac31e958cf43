package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan string, 3)
	go func() {
		time.Sleep(40 * time.Millisecond)
		out <- "slow (40ms)"
	}()
	go func() {
		time.Sleep(10 * time.Millisecond)
		out <- "fast (10ms)"
	}()
	go func() {
		time.Sleep(25 * time.Millisecond)
		out <- "medium (25ms)"
	}()
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
}
