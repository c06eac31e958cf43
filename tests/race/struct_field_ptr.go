// A struct field written through a pointer in one goroutine, read in another.
package main

import (
	"fmt"
	"time"
)

type Point struct {
	X, Y int
}

func move(p *Point) {
	p.X = 10
}

func main() {
	p := &Point{1, 2}
	go move(p)
	time.Sleep(time.Millisecond)
	x := p.X
	fmt.Println(x > 0)
}
