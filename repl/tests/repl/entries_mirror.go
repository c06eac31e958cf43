// The Go program behind entries.in: each echoed entry as `fmt.Printf("%v (%T)")`
// (an expression of interface type is echoed with its static type, `error`).
// Its output (made by `go run`, kept in entries_mirror.out) must equal
// entries.out: repl/tests/repl_transcripts.rs checks it.
package main

import (
	"errors"
	"fmt"
)

type P struct{ X, Y int }

func (p *P) Scale(k int) { p.X *= k; p.Y *= k }
func (p P) Sum() int     { return p.X + p.Y }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func divmod(a, b int) (int, int) { return a / b, a % b }

const (
	Red = iota
	Green
	Blue
)

type Level int

const (
	Low Level = iota + 1
	High
)

type Stack struct {
	items []int
	n     int
}

func echo(v any) { fmt.Printf("%v (%T)\n", v, v) }

func echoError(err error) { fmt.Printf("%v (error)\n", err) }

func main() {
	echo([]int{1, 2, 3})
	echo(map[string]int{"a": 1})
	echo(struct{ X int }{1})
	echo(&P{1, 2})
	echo(P{3, 4})
	echo([2]string{"a", "b"})
	echo([...]int{7, 8})
	echo([]P{{1, 2}, {3, 4}})
	var m = map[string]int{"a": 1}
	m["b"] = 2
	m["a"]++
	echo(m)
	x := 1 +
		2
	echo(x)
L:
	for i := 0; i < 3; i++ {
		if i == 1 {
			continue L
		}
		fmt.Println(i)
	}
	pp := &P{1, 2}
	pp.Scale(10)
	echo(pp.Sum())
	echo(pp)
	count := 0
	bump := func() int { count++; return count }
	echo(bump())
	echo(bump())
	echo(count)
	q, err := safeDiv(7, 2)
	fmt.Printf("%v %v (int, error)\n", q, err)
	q, err = safeDiv(1, 0)
	fmt.Printf("%v %v (int, error)\n", q, err)
	nums := []int{1}
	nums = append(nums, 2, 3)
	nums[0] = 9
	echo(nums)
	v := "five"
	echo(v + "!")
	a, b := divmod(17, 5)
	fmt.Printf("%v %v (int, int)\n", a, b)
	qq, rr := divmod(9, 4)
	echo(qq + rr)
	echo(Blue)
	echo(High)
	echoError(errors.New("plain"))
	echoError(fmt.Errorf("wrapped: %w", errors.New("inner")))
	// st after its type gained a field: reset to the zero value of the new type.
	var st Stack
	echo(st)
}
