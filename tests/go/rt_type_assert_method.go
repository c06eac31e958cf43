package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func main() {
	var v any = Square{2}
	fmt.Println("Square has only Area")
	s := v.(Shape)
	fmt.Println(s.Area())
}
