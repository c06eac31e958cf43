package main

import "fmt"

func main() {
	fmt.Println("closures capture the per-iteration variable (Go 1.22+):")
	for i := 0; i < 3; i++ {
		defer func() {
			fmt.Println(i)
		}()
	}
}
