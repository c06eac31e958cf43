package main

import "fmt"

func level2() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("level2 recovered", r, "and re-panics")
			panic(r)
		}
	}()
	panic("deep")
}

func level1() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("level1 recovered", r, "and stops the panic")
		}
	}()
	level2()
}

func main() {
	level1()
	fmt.Println("main continues normally")
}
