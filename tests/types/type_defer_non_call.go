package main

import "fmt"

func main() {
	f := func() { fmt.Println(1) }
	defer f
}
