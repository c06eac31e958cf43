package main

import "fmt"

func main() {
	fmt.Println("a panic message with newlines is indented on stderr")
	panic("line one\nline two\nline three")
}
