package main

import "fmt"

type Shape interface{ Area() float64 }
type Circle struct{ R float64 }
type Square struct{ S float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (s Square) Area() float64 { return s.S * s.S }

func main() {
	var sh Shape = Circle{1}
	fmt.Println("area:", sh.Area())
	sq := sh.(Square)
	fmt.Println("not reached", sq)
}
