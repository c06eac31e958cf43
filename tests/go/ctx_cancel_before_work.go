package main

import (
	"context"
	"fmt"
)

func step(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s skipped: %w", name, err)
	}
	fmt.Println("ran", name)
	return nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(step(ctx, "one"))
	cancel()
	fmt.Println(step(ctx, "two"))
}
