package main

import "fmt"

func main() {
	fmt.Println("about to panic with a string")
	panic("something went wrong")
}
