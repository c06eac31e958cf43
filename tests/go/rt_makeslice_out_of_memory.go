package main

import "fmt"

func main() {
	fmt.Println("asking for 8 TiB")
	n := 1 << 40
	s := make([]int, n)
	fmt.Println(len(s))
}
