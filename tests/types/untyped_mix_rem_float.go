package main

import "fmt"

const untypedInt = 42

func main() {
	// An untyped int mixed with an untyped float constant is a float: `%`,
	// `&`, `|` and `^` are not defined on it.
	const l = untypedInt % 4.0
	const m = 'a' % 1.5
	const n = 3 & 2.0
	var x = 1 | 2.5
	fmt.Println(l, m, n, x)
}
