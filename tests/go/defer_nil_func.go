package main

import "fmt"

func main() {
	var f func()
	defer fmt.Println("earlier defer still runs")
	defer f() // f is nil: the panic happens when the defer runs, not here
	fmt.Println("defer of a nil func registered without error")
}
