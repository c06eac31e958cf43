package main

import "fmt"

func main() {
	f := 1e+
	fmt.Println(f)
}
