package main

import "fmt"

func main() {
	// a comment with a bad byte: Ã(
	s := "raw ÿ byte"
	fmt.Println(s)
}
