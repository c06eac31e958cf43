package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base failure")

func load() error { return fmt.Errorf("load config: %w", ErrBase) }

func main() {
	if err := load(); err != nil {
		fmt.Println("is base:", errors.Is(err, ErrBase))
		panic(err)
	}
}
