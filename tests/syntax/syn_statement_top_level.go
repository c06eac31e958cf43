package main

import "fmt"

fmt.Println("top")

func main() {
}
