package main

import "fmt"

type Reason string

func main() {
	fmt.Println("panic with a value of a named string type")
	panic(Reason("disk full"))
}
