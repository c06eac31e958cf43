package main

import "fmt"

type Reason string

func main() {
	fmt.Println("a named string type is printed quoted with its type")
	panic(Reason("timeout"))
}
