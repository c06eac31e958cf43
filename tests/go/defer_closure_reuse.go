// A deferred closure that returns is kept for reuse by the next MakeClosure
// unless something still holds it: closures saved from deferred calls, a
// deferred func value also called directly, recover with named results.
package main

import "fmt"

var saved []func() int

func keep(i int) (r int) {
	f := func() { r += i }
	defer f()
	defer func() { saved = append(saved, func() int { return r * 10 }) }()
	return i
}

func named(i int) (r int, s string) {
	defer func() {
		if e := recover(); e != nil {
			r = -i
			s = fmt.Sprint(e)
		}
	}()
	defer func() { s += "!" }()
	if i%3 == 0 {
		panic(fmt.Sprintf("boom%d", i))
	}
	return i, "ok"
}

func chain(n int) (out []int) {
	for i := 0; i < n; i++ {
		defer func() { out = append(out, i) }()
	}
	return nil
}

func inner() int {
	x := 5
	g := func() int { return x }
	defer func() { x++ }()
	return g()
}

func main() {
	for i := 0; i < 5; i++ {
		fmt.Println(keep(i))
	}
	for _, f := range saved {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := 0; i < 7; i++ {
		fmt.Println(named(i))
	}
	fmt.Println(chain(4))
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		c := i
		func() {
			defer func() { fs = append(fs, func() int { return c }) }()
		}()
		fmt.Println(inner())
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
