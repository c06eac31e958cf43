// The worker cancels its context before writing the result main reads.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	result := 0
	go func() {
		cancel()
		result = 42
	}()
	<-ctx.Done()
	time.Sleep(time.Millisecond)
	fmt.Println(result >= 0)
}
