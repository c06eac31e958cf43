package main

import "fmt"

func main() {
	result := make(chan string)
	go func() {
		result <- "answer"
		select {} // this goroutine blocks forever; main still finishes
	}()
	fmt.Println(<-result)
	fmt.Println("main exits while a goroutine sits in select {}")
}
