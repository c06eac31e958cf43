package main

import "fmt"

func main() {
	closed := make(chan int)
	close(closed)
	block := make(chan int)
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-closed:
			fmt.Println("closed case always ready:", v, ok)
		case <-block:
			fmt.Println("never")
		}
	}
}
