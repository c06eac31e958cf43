// Library panics with a string value print as Go prints them (not "panic: nil").
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	try("Repeat", func() { _ = strings.Repeat("ab", -1) })
	try("FormatInt", func() { _ = strconv.FormatInt(5, 1) })
	var b strings.Builder
	try("Grow", func() { b.Grow(-3) })
	fmt.Println(strings.Repeat("x", -2))
}
