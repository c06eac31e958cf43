package main

import "fmt"

func main() {
	z := 3 + 4i
	fmt.Println(z * z)
}
