package main

import "fmt"

func main() {
	for i := 0; i < 3 {
		fmt.Println(i)
	}
}
