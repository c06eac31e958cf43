package main

import "fmt"

func main() {
	if x := 1; x ++ {
		fmt.Println(x)
	}
}
