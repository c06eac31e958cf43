package main

import "fmt"

func main() {
	var f float32 = 1e40
	fmt.Println(f)
}
