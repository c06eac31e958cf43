package main

import "fmt"

func main() {
	var i int = 2.5
	fmt.Println(i)
}
