package main

import "fmt"

func main() {
	m := map[any]int{byte(1): 1, uint8(1): 2}
	fmt.Println(m)
}
