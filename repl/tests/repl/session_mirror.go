// The Go program behind session.in: each echoed entry as `fmt.Printf("%v (%T)")`.
// Its output (made by `go run`, kept in session_mirror.out) must equal the
// echoed lines of session.out: repl/tests/repl_transcripts.rs checks it.
package main

import (
	"fmt"
	"strings"
)

type P struct{ X, Y int }

func double(n int) int { return n * 3 }

const Greeting = "hi"

func echo(v any) { fmt.Printf("%v (%T)\n", v, v) }

func main() {
	x := 5
	echo(x * 2)
	x = x + 1
	echo(x)
	p := &P{1, 2}
	echo(p)
	p.Y = 7
	echo(p)
	echo(x * 2)
	echo(double(x))
	s := []int{1, 2, 3}
	s = append(s, x)
	echo(s)
	echo(strings.Repeat("ab", 3))
	fmt.Println("hello", x, *p)
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	echo(len(m))
	var total float64 = 1.5
	echo(total * 2)
	add := func(a, b int) int { return a + b }
	echo(add(x, 4))
	echo(x)
	echo(x + 1)
	echo(Greeting + "!")
	func() {
		defer func() { recover() }()
		panic("boom")
	}()
}
