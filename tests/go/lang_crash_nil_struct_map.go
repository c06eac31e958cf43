package main

import "fmt"

type Registry struct {
	byName map[string]int
}

func (r *Registry) Add(name string) { r.byName[name] = len(r.byName) }

func main() {
	r := &Registry{}
	fmt.Println("len of nil map field:", len(r.byName))
	r.Add("first")
}
