package main

import "fmt"

func main() {
	f := func() {
		unused := 42
	}
	f()
	fmt.Println("ok")
}
