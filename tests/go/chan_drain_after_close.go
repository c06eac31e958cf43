package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		ch <- i * i
	}
	close(ch)
	fmt.Println("closed with", len(ch), "buffered values")
	for v := range ch {
		fmt.Println("still received", v)
	}
	v, ok := <-ch
	fmt.Println("then zero value:", v, ok)
}
