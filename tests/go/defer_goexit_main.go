package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker: running")
		fmt.Println("worker: finished")
		done <- true // the worker prints nothing after this send
	}()
	defer fmt.Println("main: deferred call runs on Goexit")
	<-done
	fmt.Println("main: calling runtime.Goexit")
	runtime.Goexit()
	fmt.Println("main: never reached")
}
