// The goroutine signals completion before its last write.
package main

import (
	"fmt"
	"time"
)

func main() {
	status := "idle"
	done := make(chan bool)
	go func() {
		done <- true
		status = "finished"
	}()
	<-done
	time.Sleep(time.Millisecond)
	fmt.Println(status != "")
}
