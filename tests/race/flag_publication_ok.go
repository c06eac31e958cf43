// Publication, fixed: closing a channel publishes everything written before it.
package main

import "fmt"

var data int

func main() {
	ready := make(chan struct{})
	go func() {
		data = 42
		close(ready)
	}()
	<-ready
	fmt.Println(data)
}
