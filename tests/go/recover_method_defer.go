package main

import "fmt"

type Guard struct{ name string }

func (g *Guard) Catch() {
	if r := recover(); r != nil {
		fmt.Println(g.name, "caught:", r)
	}
}

func main() {
	g := &Guard{name: "guard"}
	func() {
		defer g.Catch() // a method value as the deferred function: recover works
		panic("via method")
	}()
	fmt.Println("main after guarded call")
}
