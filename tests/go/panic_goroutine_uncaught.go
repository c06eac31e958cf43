package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r) // never happens
		}
	}()
	never := make(chan struct{})
	go func() {
		fmt.Println("goroutine: about to panic")
		panic("goroutine crashed")
	}()
	<-never // main waits; the goroutine's panic ends the whole program
	fmt.Println("main: not reached")
}
