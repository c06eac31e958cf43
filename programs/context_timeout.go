// A request with a time limit: context.WithTimeout cancels the work when the
// deadline passes, and ctx.Err() says why (article, section 4.3).
package main

import (
	"context"
	"fmt"
	"time"
)

func doWork(ctx context.Context) <-chan string {
	out := make(chan string, 1)
	go func() {
		select {
		case <-time.After(3 * time.Second): // the work is too slow
			out <- "done"
		case <-ctx.Done():
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()

	select {
	case result := <-doWork(ctx):
		fmt.Println("finished:", result)
	case <-ctx.Done():
		fmt.Println("request timed out or was cancelled:", ctx.Err())
	}
}
