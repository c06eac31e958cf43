package main

import "fmt"

func main() {
	size := -1
	fmt.Println("make(chan int, -1)")
	ch := make(chan int, size)
	fmt.Println(cap(ch))
}
