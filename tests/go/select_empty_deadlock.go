package main

import "fmt"

func main() {
	fmt.Println("select {} with no other goroutines")
	select {}
}
