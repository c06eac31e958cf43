package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	hi := 7
	fmt.Println("len", len(s), "cap", cap(s))
	fmt.Println("s[:5] is fine:", s[:5])
	fmt.Println(s[:hi])
}
