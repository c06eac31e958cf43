// Publication through a plain flag: the reader polls `ready` and then reads `data`.
package main

import (
	"fmt"
	"time"
)

var (
	data  int
	ready bool
)

func main() {
	go func() {
		data = 42
		ready = true
	}()
	for !ready {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(data)
}
