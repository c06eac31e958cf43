package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	d := time.Now().Add(15 * time.Millisecond)
	ctx, cancel := context.WithDeadline(context.Background(), d)
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok, "equal:", dl.Equal(d))
	_, ok = context.Background().Deadline()
	fmt.Println("background has deadline:", ok)
	<-ctx.Done()
	err := ctx.Err()
	fmt.Println("err:", err)
	fmt.Println("is DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))

	past, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	fmt.Println("deadline in the past, Err at once:", past.Err())
}
