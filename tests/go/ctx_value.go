package main

import (
	"context"
	"fmt"
)

type ctxKey string

func handle(ctx context.Context) {
	user, _ := ctx.Value(ctxKey("user")).(string)
	id := ctx.Value(ctxKey("request-id"))
	fmt.Println("user:", user, "request-id:", id)
	fmt.Println("missing key:", ctx.Value(ctxKey("nope")))
}

func main() {
	ctx := context.WithValue(context.Background(), ctxKey("user"), "alice")
	ctx = context.WithValue(ctx, ctxKey("request-id"), 42)
	handle(ctx)
	shadow := context.WithValue(ctx, ctxKey("user"), "bob")
	handle(shadow)
	fmt.Println("string key differs from ctxKey:", ctx.Value("user"))
}
