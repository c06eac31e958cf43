// The goroutine writes, then signals.
package main

import "fmt"

func main() {
	status := "idle"
	done := make(chan bool)
	go func() {
		status = "finished"
		done <- true
	}()
	<-done
	fmt.Println(status)
}
