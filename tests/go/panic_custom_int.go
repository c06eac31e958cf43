package main

import "fmt"

type Code int

func main() {
	fmt.Println("panic with a named int type prints main.Code(404)")
	panic(Code(404))
}
