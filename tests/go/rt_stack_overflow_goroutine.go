package main

import (
	"fmt"
	"time"
)

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	fmt.Println("a goroutine recursing without end")
	go func() { fmt.Println(f(0)) }()
	time.Sleep(time.Hour)
}
