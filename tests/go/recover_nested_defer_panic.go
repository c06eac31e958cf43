package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("outermost recover:", recover())
	}()
	defer func() {
		defer func() {
			fmt.Println("  inner deferred recover:", recover())
			panic("from the inner deferred func")
		}()
		fmt.Println("deferred closure runs for:", "start")
		panic("from the deferred closure")
	}()
	panic("start")
}
