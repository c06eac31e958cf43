package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before cancel, Err:", ctx.Err())
	select {
	case <-ctx.Done():
		fmt.Println("done early?")
	default:
		fmt.Println("Done channel not closed yet")
	}
	cancel()
	<-ctx.Done()
	fmt.Println("after cancel, Err:", ctx.Err())
	cancel() // calling cancel again is harmless
	fmt.Println("Err == context.Canceled:", ctx.Err() == context.Canceled)
}
