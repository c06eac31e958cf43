// A channel receive, not a sleep, orders the write before the read.
package main

import "fmt"

var x int

func main() {
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	<-done
	fmt.Println(x)
}
