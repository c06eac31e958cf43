package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-18s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	var nilCh chan int
	closed := make(chan int, 1)
	close(closed)
	try("close(nil)", func() { close(nilCh) })
	try("close(closed)", func() { close(closed) })
	try("send on closed", func() { closed <- 1 })
	try("recv on closed", func() { v, ok := <-closed; fmt.Println("recv:", v, ok) })
	try("select send closed", func() {
		select {
		case closed <- 2:
		default:
			fmt.Println("default")
		}
	})
}
