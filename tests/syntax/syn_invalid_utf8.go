package main

import "fmt"

func main() {
	x := 1 ÿþ
	fmt.Println(x)
}
