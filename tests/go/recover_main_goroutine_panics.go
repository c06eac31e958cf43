package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("main's deferred recover sees:", recover())
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("goroutine about to panic")
		panic("from goroutine")
	}()
	<-done
	select {}
}
