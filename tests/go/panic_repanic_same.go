package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, "- re-panicking with the same value")
		panic(r)
	}()
	panic("original problem")
}
