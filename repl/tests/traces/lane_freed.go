package main

import "fmt"

func double(n int) int { return n * 2 }

func main() {
	done := make(chan bool)
	go func() {
		done <- true
	}()
	<-done
	fmt.Println(double(21))
}
