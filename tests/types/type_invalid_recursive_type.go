package main

import "fmt"

type Node struct {
	Val  int
	Next Node
}

func main() {
	fmt.Println(Node{})
}
