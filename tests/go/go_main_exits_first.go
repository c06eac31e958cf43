package main

import "fmt"

func main() {
	block := make(chan int)
	go func() {
		<-block
		fmt.Println("never printed: main returned first")
	}()
	fmt.Println("main returns while a goroutine is still blocked")
}
