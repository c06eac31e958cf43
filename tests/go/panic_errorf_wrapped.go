package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func main() {
	err := fmt.Errorf("loading user %d: %w", 42, ErrNotFound)
	fmt.Println("is ErrNotFound:", errors.Is(err, ErrNotFound))
	panic(err)
}
