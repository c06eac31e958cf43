package main

import "fmt"

func racy() int {
	n := 0
	done := make(chan bool)
	go func() {
		n = 1
		done <- true
	}()
	n = 2
	<-done
	return n
}

func main() {
	fmt.Println(racy())
}
