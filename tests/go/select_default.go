package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing to receive: default")
	}
	ch <- 1
	select {
	case ch <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("buffer full: default")
	}
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("default")
	}
}
