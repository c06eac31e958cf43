package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		<-ch // blocked forever, but main is sleeping: not a deadlock yet
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("a blocked goroutine alone is no deadlock; main returns normally")
}
