package main

import (
	"fmt"
	"time"
)

func fetch(delay time.Duration) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		c <- fmt.Sprint("result after ", delay)
	}()
	return c
}

func main() {
	for _, d := range []time.Duration{10 * time.Millisecond, 50 * time.Millisecond} {
		select {
		case r := <-fetch(d):
			fmt.Println(r)
		case <-time.After(30 * time.Millisecond):
			fmt.Println("timeout waiting for", d)
		}
	}
}
