package main

import (
	"fmt"
	"runtime"
)

// The panic of a value method called through a nil *T in an interface is a
// runtime.Error with Go's panicwrap text, and recover catches it.

type Namer interface{ Name() string }

type T struct{ name string }

func (t T) Name() string { return t.name }

type Counter int

func (c Counter) Name() string { return fmt.Sprint("counter ", int(c)) }

func try(n Namer) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println("recovered:", r, isRuntime)
	}()
	fmt.Println(n.Name())
}

func main() {
	try(&T{"ok"})
	var p *T
	try(p)
	var c *Counter
	try(c)
	var n Namer = p
	f := n.Name
	defer func() { fmt.Println("method value:", recover()) }()
	f()
}
