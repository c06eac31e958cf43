// `if x == nil` and `if x != nil` branch on one fused test (IfNil/IfNotNil)
// for every kind of nillable value, either side nil, in if, else-if and for.
package main

import (
	"errors"
	"fmt"
)

type T struct{ n int }

func (t *T) String() string { return "T" }

func check(name string, isNil bool) {
	fmt.Println(name, isNil)
}

func main() {
	var p *T
	var s []int
	var m map[string]int
	var f func()
	var c chan int
	var e error
	var i interface{}
	var st fmt.Stringer
	if p == nil {
		check("ptr", true)
	}
	if nil != s {
		check("slice", false)
	} else {
		check("slice", true)
	}
	if m != nil {
		check("map", false)
	} else if f == nil {
		check("func", true)
	}
	if c == nil && e == nil {
		check("chan+error", true)
	}
	if i != nil {
		check("iface", false)
	}
	p = &T{1}
	s = []int{}
	m = map[string]int{}
	f = func() {}
	c = make(chan int)
	e = errors.New("x")
	i = p
	st = (*T)(nil)
	if p != nil && s != nil && m != nil && f != nil && c != nil && e != nil && i != nil {
		check("all set", true)
	}
	// A typed nil pointer in an interface is not a nil interface.
	if st != nil {
		check("typed nil in iface", false)
	}
	n := 0
	for q := (&T{0}); q != nil; n++ {
		if n == 3 {
			q = nil
		}
	}
	fmt.Println(n)
	r := func() (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("recovered %v", v)
			}
		}()
		var mm map[string]int
		mm["a"] = 1
		return nil
	}()
	fmt.Println(r)
}
