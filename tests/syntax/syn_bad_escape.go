package main

import "fmt"

func main() {
	fmt.Println("bad \q escape")
}
