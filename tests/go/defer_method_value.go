package main

import "fmt"

type T struct{ name string }

func (t T) ValueShow()    { fmt.Println("value receiver sees:", t.name) }
func (t *T) PointerShow() { fmt.Println("pointer receiver sees:", t.name) }

func main() {
	t := T{name: "before"}
	defer t.ValueShow()   // receiver copied now
	defer t.PointerShow() // &t taken now, fields read later
	f := t.ValueShow       // method value binds a copy too
	defer f()
	t.name = "after"
	fmt.Println("main set name to", t.name)
}
