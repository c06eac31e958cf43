package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 1; i <= 4; i++ {
			data <- i
		}
		quit <- true
	}()
	total := 0
loop:
	for {
		select {
		case v := <-data:
			total += v
			fmt.Println("data", v)
		case <-quit:
			fmt.Println("quit")
			break loop
		}
	}
	fmt.Println("total", total)
}
