// The worker writes the result, then cancels: cancellation publishes it.
package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	result := 0
	go func() {
		result = 42
		cancel()
	}()
	<-ctx.Done()
	fmt.Println(result, ctx.Err())
}
