// Sleeping is not synchronization: main reads what the goroutine wrote "long ago".
package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	go func() {
		x = 1
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println(x)
}
