package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		var m map[int]string
		fmt.Println("goroutine writes to a nil map")
		m[1] = "one"
		done <- true
	}()
	<-done
	fmt.Println("not reached")
}
