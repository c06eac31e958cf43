// The field write is received over a channel before the read.
package main

import "fmt"

type Point struct {
	X, Y int
}

func move(p *Point, done chan<- bool) {
	p.X = 10
	done <- true
}

func main() {
	p := &Point{1, 2}
	done := make(chan bool)
	go move(p, done)
	<-done
	fmt.Println(p.X, p.Y)
}
