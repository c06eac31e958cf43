package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		defer fmt.Println("worker: deferred, printed after main's Goexit")
		time.Sleep(20 * time.Millisecond)
		fmt.Println("worker: main has already called Goexit, program keeps running")
	}()
	defer fmt.Println("main: deferred call runs on Goexit")
	runtime.Goexit()
}
