package main

import "fmt"

func main() {
	c := 'a'
	var s string = c
	fmt.Println(s)
}
