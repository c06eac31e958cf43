package main

import "fmt"

const s = "hello"
const first = s[0]

func main() {
	fmt.Println(first)
}
