package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }
func (c Counter) Add(k int) int { return c.n + k }

type Op func(int, int) int

func main() {
	c := Counter{n: 5}
	// a method value with a value receiver copies the receiver when evaluated
	get := c.Get
	inc := c.Inc // &c is bound
	inc()
	inc()
	fmt.Println("c.n:", c.n, "get():", get())
	get2 := c.Get
	fmt.Println("fresh method value:", get2())

	// method expressions take the receiver as first argument
	f := Counter.Get
	g := (*Counter).Inc
	h := Counter.Add
	g(&c)
	fmt.Println("Counter.Get(c):", f(c), "Counter.Add(c, 10):", h(c, 10))
	fmt.Printf("%T\n", f)
	fmt.Printf("%T\n", g)
	fmt.Printf("%T\n", h)
	// (*T).M works for value methods as well
	pf := (*Counter).Get
	fmt.Println("(*Counter).Get(&c):", pf(&c))

	// method values stored in a slice
	counters := []*Counter{{1}, {2}, {3}}
	var incs []func()
	for _, ct := range counters {
		incs = append(incs, ct.Inc)
	}
	for _, fn := range incs {
		fn()
		fn()
	}
	for _, ct := range counters {
		fmt.Print(ct.n, " ")
	}
	fmt.Println()

	// a method value through an interface
	var s fmt.Stringer = name("gomini")
	str := s.String
	fmt.Println(str())
}

type name string

func (n name) String() string { return "name(" + string(n) + ")" }
