package main

import "fmt"

func main() {
	f := 1.5
	for i := range f {
		fmt.Println(i)
	}
}
