package main

import "fmt"

func main() {
	r := ''
	fmt.Println(r)
}
