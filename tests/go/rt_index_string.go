package main

import "fmt"

func main() {
	s := "héllo"
	n := len(s)
	fmt.Println("len in bytes:", n)
	fmt.Println("last byte:", s[n-1])
	fmt.Println(s[n])
}
