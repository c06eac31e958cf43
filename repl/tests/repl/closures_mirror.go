// The Go program behind closures.in: each echoed entry as `fmt.Printf("%v (%T)")`.
// Its output (made by `go run`, kept in closures_mirror.out) must equal
// closures.out: repl/tests/repl_transcripts.rs checks it.
package main

import "fmt"

func makeCounter() func() int { n := 0; return func() int { n++; return n } }

type P struct{ X int }

func (p *P) Get() int { return p.X }

func echo(v any) { fmt.Printf("%v (%T)\n", v, v) }

func main() {
	next := makeCounter()
	echo(next())
	echo(next())
	echo(next())
	add := func(a, b int) int { return a + b }
	echo(add(2, 3))
	fs := []func() string{}
	for i := range 3 {
		fs = append(fs, func() string { return fmt.Sprint("f", i) })
	}
	echo(fs[2]())
	p := &P{7}
	get := p.Get
	echo(get())
	p.X = 8
	echo(get())
	var anyf any = add
	echo(anyf.(func(int, int) int)(1, 1))
	m := map[string]func() int{"c": next}
	echo(m["c"]())
	echo(next())
}
