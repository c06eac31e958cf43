package main

import "fmt"

type Animal interface{ Name() string }
type Dog struct{}

func (Dog) Name() string { return "dog" }

func main() {
	var a any = Dog{}
	fmt.Println(a.(Animal).Name())
	var b any = 42
	fmt.Println(b.(Animal).Name())
}
