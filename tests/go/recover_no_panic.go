package main

import "fmt"

func calm() (msg string) {
	defer func() {
		r := recover()
		fmt.Println("recover with no panic returns:", r, r == nil)
	}()
	return "calm returned"
}

func main() {
	fmt.Println(calm())
	fmt.Println("recover called directly in main:", recover())
}
