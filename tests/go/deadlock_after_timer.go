package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("timer goroutine woke up and exits without sending")
	}()
	fmt.Println("main waits; a pending timer postpones the deadlock report")
	<-ch
}
