package main

import "os"

func main() {
	first, second := 1, 2
	var third string
}
