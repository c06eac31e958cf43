package main

import "fmt"

type Level int

func (l Level) String() string {
	return fmt.Sprintf("Level(%d)!", int(l))
}

func main() {
	fmt.Println("a Stringer panic value is printed with its String method")
	fmt.Println("fmt would print:", Level(3))
	panic(Level(3))
}
