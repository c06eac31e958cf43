package main

import "fmt"

type Inner struct{ Vals []int }
type Outer struct {
	Name  string
	Arr   [2]int
	In    Inner
	Ptr   *Inner
	Table map[string]int
}

func mutate(o Outer) {
	o.Name = "changed"
	o.Arr[0] = 100
	o.In.Vals[0] = 100 // shared backing array
	o.Ptr.Vals[0] = 100
	o.Table["k"] = 100 // shared map
}

func main() {
	o := Outer{"orig", [2]int{1, 2}, Inner{[]int{1, 2}}, &Inner{[]int{1, 2}}, map[string]int{"k": 1}}
	mutate(o)
	fmt.Println(o.Name, o.Arr, o.In.Vals, o.Ptr.Vals, o.Table)
	c := o
	c.In.Vals = append(c.In.Vals, 3) // new array: cap was 2
	c.In.Vals[1] = -1
	fmt.Println(o.In.Vals, c.In.Vals)
	ps := []Outer{o}
	ps[0].Name = "in slice"
	fmt.Println(o.Name, ps[0].Name)
	m := map[string]Outer{"a": o}
	tmp := m["a"]
	tmp.Name = "via tmp"
	fmt.Println(m["a"].Name, tmp.Name)
	m["a"] = tmp
	fmt.Println(m["a"].Name)
	po := &o
	po2 := po
	po2.Name = "through pointer"
	fmt.Println(o.Name)
	arr := [2]Outer{}
	arr2 := arr
	arr2[0].Name = "copy"
	fmt.Printf("%q %q\n", arr[0].Name, arr2[0].Name)
}
