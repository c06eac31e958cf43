// strings.Fields over ASCII and Unicode spaces and invalid UTF-8; short (inline) strings of
// every length up to 20 compared and sliced; Split keeping empty parts.
package main

import (
	"fmt"
	"strings"
)

func main() {
	inputs := []string{"", " ", "a", " a ", "  foo bar  baz   ", "\tx\ny\rz\v\fw", "héllo wörld", "a\u00a0b\u0085c", "x\u2003y\u3000z", "\xff\xfe bad \xc3", "日本 語", "one"}
	for _, in := range inputs {
		f := strings.Fields(in)
		fmt.Printf("%q %d\n", f, len(f))
	}
	src := "abcdefghijklmnopqrstuvwxyz0123456789"
	for n := 0; n <= 20; n++ {
		a := src[:n]
		b := src[1 : n+1]
		c := strings.Repeat("x", n)
		fmt.Println(n, a, b, c, len(a), a == src[:n], a == b, c == strings.Repeat("x", n), a < b)
	}
	for _, s := range strings.Split("a,bb,,ccc,dddddddddddddddddd,", ",") {
		fmt.Printf("[%s]", s)
	}
	fmt.Println()
	var k interface{} = "short"
	var l interface{} = "short"
	fmt.Println(k == l, "abc" == "abd", 3 == 3)
}
