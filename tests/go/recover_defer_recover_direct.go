package main

import "fmt"

func main() {
	defer fmt.Println("deferred print still runs")
	defer recover() // recover is the deferred call itself, not called BY one: no effect
	panic("defer recover() does not stop me")
}
