package main

import (
	"errors"
	"fmt"
	"sort"
)

type Celsius float64

type point struct{ x, y int }

// try sorts x and prints what sort.SliceStable panicked with, if anything.
func try(x any) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		if isErr {
			fmt.Println("error:", err)
			return
		}
		fmt.Println("no panic:", r)
	}()
	sort.SliceStable(x, func(i, j int) bool { return false })
}

func main() {
	try(nil)
	try(3)
	try(Celsius(36.6))
	try("abc")
	try([2]int{2, 1})
	try(point{1, 2})
	try(&point{1, 2})
	try(make(chan int))
	try(errors.New("e"))
	try(func() {})
	try(uint8(1))
	try(true)
	try(float32(1))
	var s []int
	try(s)
	try([]string{"b", "a"})
}
