package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("second recover:", recover())
	}()
	defer func() {
		fmt.Println("first recover:", recover())
		fmt.Println("same func again:", recover())
	}()
	panic("once")
}
