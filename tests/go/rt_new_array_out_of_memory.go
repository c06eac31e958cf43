package main

import "fmt"

func main() {
	fmt.Println("new of an 8 TiB array")
	p := new([1 << 40]int)
	p[5] = 1
	fmt.Println(p[5])
}
