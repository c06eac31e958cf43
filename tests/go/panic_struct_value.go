package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }

type BadThing struct{ Reason string }

func (b BadThing) Error() string { return "bad thing: " + b.Reason }

func catchPoint() {
	defer func() {
		r := recover()
		fmt.Printf("recovered %T %+v\n", r, r)
	}()
	// Unrecovered, a plain struct would print its address: "(main.Point) 0x...".
	panic(Point{1, 2})
}

func main() {
	catchPoint()
	// A struct that implements error is printed with Error().
	panic(BadThing{Reason: errors.New("cause").Error()})
}
