package main

import "fmt"

func main() {
	bs := []byte("hi")
	var s string = bs
	fmt.Println(s)
}
