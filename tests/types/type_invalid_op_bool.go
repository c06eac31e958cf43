package main

import "fmt"

func main() {
	t := true
	fmt.Println(t + 1)
}
