package main

import "fmt"

func main() {
	ch := make(chan int)
	ack := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			v := <-ch
			fmt.Println("  worker got", v)
			ack <- true
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("main sends", i)
		ch <- i
		<-ack
		fmt.Println("main saw ack", i)
	}
}
