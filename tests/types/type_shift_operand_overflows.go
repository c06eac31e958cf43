package main

import "fmt"

func main() {
	e := uint(3)
	fmt.Println(uint8(0x100<<e) + 1)
}
