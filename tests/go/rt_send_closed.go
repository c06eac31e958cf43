package main

import "fmt"

func main() {
	ch := make(chan string, 1)
	close(ch)
	v, ok := <-ch
	fmt.Printf("receive from closed: %q %v\n", v, ok)
	ch <- "late"
}
