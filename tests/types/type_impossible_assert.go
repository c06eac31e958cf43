package main

import "fmt"

type Shape interface{ Area() float64 }
type Sq struct{}

func (s *Sq) Area() float64 { return 1 }

func main() {
	var sh Shape = &Sq{}
	_, ok := sh.(Sq)
	fmt.Println(ok)
}
