package main

import "fmt"

func main() {
	var x int =
}

func other() {
	fmt.Println()
}
