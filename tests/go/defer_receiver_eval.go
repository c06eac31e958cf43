package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Report(tag string) { fmt.Println(tag, c.n) }

func main() {
	a := &Counter{n: 1}
	b := &Counter{n: 100}
	c := a
	defer c.Report("deferred with c -> a:")
	c = b // changing c does not change the deferred receiver
	c.n = 200
	a.n = 2 // but mutating the object it points to is visible
	defer c.Report("deferred with c -> b:")
	fmt.Println("main done")
}
