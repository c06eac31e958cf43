package main

import "fmt"

type Celsius float64
type Point struct{ X, Y int }

func main() {
	var v any = Celsius(21.5)
	fmt.Println("v holds", v)
	p := v.(Point)
	fmt.Println(p)
}
