package main

import "fmt"

func main() {
	n := 0
	for i := 0; i < 3; i++ {
		defer func() {
			n++ // every closure shares the single n declared outside the loop
			fmt.Println("i =", i, "n =", n)
		}()
	}
	n = 10
	fmt.Println("main body sets n =", n)
}
