package main

import (
	"fmt"
	"strings"
)

type Speaker interface{ Speak() string }
type Loud interface {
	Speaker
	Shout() string
}

type Cat struct{}

func (Cat) Speak() string { return "meow" }

type Lion struct{}

func (Lion) Speak() string { return "roar" }
func (Lion) Shout() string { return "ROAR" }

func main() {
	var v any = "hello"
	s := v.(string)
	fmt.Println("asserted string:", strings.ToUpper(s))
	n, ok := v.(int)
	fmt.Println("as int:", n, ok)
	str, ok := v.(string)
	fmt.Println("as string:", str, ok)
	_, ok = v.(fmt.Stringer)
	fmt.Println("is Stringer:", ok)

	animals := []Speaker{Cat{}, Lion{}}
	for _, a := range animals {
		if l, ok := a.(Loud); ok {
			fmt.Println(a.Speak(), "and can shout", l.Shout())
		} else {
			fmt.Println(a.Speak(), "cannot shout")
		}
	}
	var sp Speaker
	_, ok = sp.(Cat)
	fmt.Println("nil interface assertion ok:", ok)
	var x any = 3.0
	f, ok := x.(float64)
	fmt.Println(f, ok)
	i, ok := x.(int)
	fmt.Println(i, ok)
	var e any = Lion{}
	if sh, ok := e.(interface{ Shout() string }); ok {
		fmt.Println("anonymous interface:", sh.Shout())
	}
	m := map[string]any{"n": 1, "s": "two"}
	if val, ok := m["n"].(int); ok {
		fmt.Println("map value int:", val+1)
	}
	if _, ok := m["missing"].(int); !ok {
		fmt.Println("missing key is nil interface, assertion fails")
	}
}
