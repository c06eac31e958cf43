// FIXME: programs/goroutine_panic.go with fmt instead of log, until gomini
// supports the log package; then the browser test should use that program.
// main's recover cannot catch a panic in another goroutine.
package main

import (
	"fmt"
	"time"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("caught panic:", r) // never runs
		}
	}()
	go func() {
		panic("child goroutine crashed")
	}()
	time.Sleep(time.Second)
}
