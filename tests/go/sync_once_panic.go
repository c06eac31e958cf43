package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() {
			fmt.Println("first Do panics")
			panic("init failed")
		})
	}()
	once.Do(func() { fmt.Println("second Do: never runs") })
	fmt.Println("a panicking Do still counts as done")
}
