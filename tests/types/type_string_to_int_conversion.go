package main

import "fmt"

func main() {
	s := "5"
	fmt.Println(int(s))
}
