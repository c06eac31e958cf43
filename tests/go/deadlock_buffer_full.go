package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	fmt.Println("buffer full (len", len(ch), "), third send blocks")
	ch <- 3
}
