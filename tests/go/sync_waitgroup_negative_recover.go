package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		fmt.Printf("type %T\n", r)
	}()
	var wg sync.WaitGroup
	wg.Add(-1)
}
