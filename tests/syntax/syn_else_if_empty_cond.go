package main

import "fmt"

func main() {
	if false {
		fmt.Println("no")
	} else if {
		fmt.Println("yes")
	}
}
