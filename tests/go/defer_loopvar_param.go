package main

import "fmt"

func main() {
	fmt.Println("passing i as an argument copies it at the defer statement:")
	for i := 0; i < 3; i++ {
		defer func(val int) {
			fmt.Println("val", val)
		}(i)
	}
	for i := range 3 {
		defer fmt.Println("range-int i", i)
	}
}
