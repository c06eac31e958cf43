package main

import "fmt"

func producer(out chan<- int, n int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan<- int) {
	total := 0
	for v := range in {
		total += v
	}
	done <- total
}

func main() {
	ch := make(chan int)
	done := make(chan int)
	go producer(ch, 10)
	go consumer(ch, done)
	fmt.Println("sum 1..10 =", <-done)
	var ro <-chan int = ch
	fmt.Printf("%T %T\n", ro, done)
}
