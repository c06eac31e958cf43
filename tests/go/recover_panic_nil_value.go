package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		fmt.Println("r == nil:", r == nil)
		_, isRt := r.(runtime.Error)
		fmt.Println("is runtime.Error:", isRt)
		fmt.Printf("%T\n", r)
	}()
	panic(nil)
}
