package main

import "fmt"

func main() {
	handlers := map[string]func(){}
	fmt.Println("calling a missing handler")
	handlers["missing"]()
}
