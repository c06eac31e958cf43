package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

type Words []string

func (w Words) Join() string { return strings.Join(w, "+") }

type Set map[string]bool

func (s Set) Add(v string) { s[v] = true }
func (s Set) Has(v string) bool { return s[v] }

type Handler func(string) string

func (h Handler) Twice(s string) string { return h(h(s)) }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue"}[d]
}

type Alias = int // an alias is the same type

func main() {
	c := Celsius(100)
	fmt.Println(c, c.ToF())
	fmt.Printf("%v %T %T\n", c.ToF(), c, c.ToF())
	w := Words{"a", "b", "c"}
	fmt.Println(w.Join(), len(w), w[1:])
	s := Set{}
	s.Add("x")
	fmt.Println(s.Has("x"), s.Has("y"), s)
	up := Handler(strings.ToUpper)
	ex := Handler(func(s string) string { return s + "!" })
	fmt.Println(up.Twice("go"), ex.Twice("go"))
	fmt.Println(Monday, Tuesday+0, Sunday)
	fmt.Printf("%v %d %T\n", Tuesday, Tuesday, Tuesday)
	var a Alias = 5
	var i int = a
	fmt.Printf("%T %v\n", a, i)
	// untyped constants convert implicitly to named types
	var t Celsius = 37.5
	t += 1
	fmt.Println(t * 2)
	type Pair struct{ K, V string }
	type PairList []Pair
	pl := PairList{{"a", "1"}, {"b", "2"}}
	fmt.Printf("%v %+v\n", pl, pl[0])
}
