package main

import "fmt"

const s = "a"

func main() {
	s++
	fmt.Println(s)
}
