package main

import "fmt"

func main() {
	fmt.Println("an array of 64 GiB")
	var a [1 << 33]int
	a[5] = 1
	fmt.Println(a[5])
}
