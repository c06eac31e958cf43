package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(5 * time.Millisecond)
	n := 0
	for range tick {
		n++
		if n == 4 {
			break
		}
	}
	fmt.Println("received", n, "ticks")
}
