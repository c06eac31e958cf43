package main

import "fmt"

func main() {
	fmt.Println("asking for 512 TiB")
	n := 1 << 46
	s := make([]int, n)
	fmt.Println(len(s))
}
