// time.AfterFunc: what happens before the timer is set happens before the function runs.
package main

import (
	"fmt"
	"time"
)

func main() {
	msg := "hello"
	done := make(chan string)
	time.AfterFunc(time.Millisecond, func() {
		done <- msg + " from the timer"
	})
	fmt.Println(<-done)
}
