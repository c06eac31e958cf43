package main

import "fmt"

func main() {
	e := uint(3)
	var x uint8 = 1<<e + 'Ā'
	fmt.Println(x)
}
