package main

import (
	"fmt"
	"sort"
)

type Set map[string]struct{}

func (s Set) Add(items ...string) {
	for _, it := range items {
		s[it] = struct{}{}
	}
}

func (s Set) Sorted() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type Signal struct{}

func (Signal) String() string { return "signal!" }

func main() {
	s := Set{}
	s.Add("b", "a", "c", "a")
	fmt.Println(len(s), s.Sorted())
	_, has := s["a"]
	_, hasZ := s["z"]
	fmt.Println(has, hasZ)
	fmt.Println(s)
	var e1, e2 struct{}
	fmt.Println(e1 == e2, Signal{})
	list := make([]struct{}, 5)
	fmt.Println(len(list), list)
	fmt.Printf("%v %+v %#v\n", Signal{}, struct{}{}, Signal{})
}
