package main

import "fmt"

func main() {
	x := 1 +
}

func other() {
	fmt.Println()
}
