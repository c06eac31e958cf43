package main

import "fmt"

type Walker interface{ Walk() string }
type Runner interface {
	Walker
	Run() string
}

type Dog struct{ name string }

func (d Dog) Walk() string { return d.name + " walks" }
func (d *Dog) Run() string { return d.name + " runs" }

type Robot struct{ id int }

func (r *Robot) Walk() string { return fmt.Sprint("robot ", r.id, " walks") }

func main() {
	d := Dog{"rex"}
	var w Walker = d // value has Walk
	fmt.Println(w.Walk())
	w = &d // pointer has Walk too
	fmt.Println(w.Walk())
	var r Runner = &d // only *Dog has Run
	fmt.Println(r.Run(), "/", r.Walk())
	rb := &Robot{7}
	w = rb
	fmt.Println(w.Walk())
	// a value stored in an interface is a copy
	d2 := Dog{"fido"}
	var w2 Walker = d2
	d2.name = "changed"
	fmt.Println(w2.Walk(), "| d2 is", d2.name)
	// pointer in interface sees changes
	var w3 Walker = &d2
	d2.name = "changed again"
	fmt.Println(w3.Walk())
	// dynamic check of method sets
	var any1 any = d
	_, isRunner := any1.(Runner)
	_, isWalker := any1.(Walker)
	fmt.Println("Dog value: Runner?", isRunner, "Walker?", isWalker)
	any1 = &d
	_, isRunner = any1.(Runner)
	fmt.Println("*Dog: Runner?", isRunner)
	any1 = Robot{1}
	_, isWalker = any1.(Walker)
	fmt.Println("Robot value: Walker?", isWalker)
	// calling a pointer method on an addressable value
	d3 := Dog{"max"}
	fmt.Println(d3.Run())
}
