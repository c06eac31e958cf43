package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println("len", len(ch), "cap", cap(ch))
	ch <- "a"
	ch <- "b"
	fmt.Println("len", len(ch), "cap", cap(ch))
	fmt.Println(<-ch)
	fmt.Println("len", len(ch), "cap", cap(ch))
	var nilCh chan int
	fmt.Println("nil channel len", len(nilCh), "cap", cap(nilCh))
	unbuf := make(chan int)
	fmt.Println("unbuffered cap", cap(unbuf))
}
