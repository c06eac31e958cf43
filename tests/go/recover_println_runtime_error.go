package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println(r)
		fmt.Printf("%v\n", r)
		fmt.Printf("%s\n", r)
		fmt.Printf("%q\n", r)
		fmt.Printf("%T\n", r)
	}()
	a, b := 10, 0
	fmt.Println(a / b)
}
