package main

import (
	"fmt"
	"time"
)

func main() {
	// A recover in another goroutine cannot see main's panic.
	go func() {
		defer func() {
			fmt.Println("this goroutine's recover:", recover())
		}()
		time.Sleep(time.Hour)
	}()
	defer fmt.Println("main's defer runs, but nobody recovers")
	panic("main panics")
}
