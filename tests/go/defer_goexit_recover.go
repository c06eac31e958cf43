package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			r := recover()
			fmt.Println("recover during Goexit returns:", r)
		}()
		runtime.Goexit()
	}()
	<-done
	fmt.Println("main: done")
}
