package main

func helper() {}

import "fmt"

func main() {
	fmt.Println(1)
}
