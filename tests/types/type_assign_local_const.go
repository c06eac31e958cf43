package main

import "fmt"

func main() {
	const c = 5
	c = 6
	fmt.Println(c)
}
