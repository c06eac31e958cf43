package main

import "fmt"

func main() {
	fmt.Println(int(float32(2.9)))
}
