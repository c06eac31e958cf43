package main

import "fmt"

func report(label string, v int, done chan<- string) {
	done <- fmt.Sprint(label, " ", v)
}

func main() {
	done := make(chan string)
	x := 1
	go report("argument evaluated at the go statement:", x, done)
	x = 2
	fmt.Println(<-done)
	fmt.Println("x is now", x)
}
