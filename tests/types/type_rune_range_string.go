package main

import "fmt"

func main() {
	for _, ch := range "hi" {
		var s string = ch
		fmt.Println(s)
	}
}
