package main

import "fmt"

func main() {
	fmt.Println("panic(nil) is turned into a runtime error since Go 1.21")
	panic(nil)
}
