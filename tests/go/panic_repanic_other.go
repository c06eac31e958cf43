package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, "- panicking with a new value")
		panic(fmt.Sprint("wrapped: ", r))
	}()
	panic("original problem")
}
