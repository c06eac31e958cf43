package main

import "fmt"

const c = 5

func main() {
	c++
	fmt.Println(c)
}
