// Split, SplitN, SplitAfterN and Fields on edge cases (their len and cap, as Go sizes them),
// and maps whose int value column turns general: a value of another type, deletes, clear.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	// Split / Fields edge cases.
	for _, s := range []string{"", " ", "a", "a b", "  lead", "trail  ", "a\tb\nc\vd\fe\rf", "x\x00y z\x1fw", "abcdefghijklmnop qrstuvwxyz0123456789 ok", "é ü", "a\u00a0b c", "a\u2003b", "\xff \xfe"} {
		f := strings.Fields(s)
		fmt.Printf("%q %d %d\n", f, len(f), cap(f))
		for _, sep := range []string{" ", ",", "b", "ab", ""} {
			p := strings.Split(s, sep)
			q := strings.SplitAfter(s, sep)
			fmt.Printf("%q %q %q %d %d\n", sep, p, q, cap(p), cap(q))
			for _, n := range []int{-1, 0, 1, 2, 3, 100} {
				a := strings.SplitN(s, sep, n)
				b := strings.SplitAfterN(s, sep, n)
				fmt.Printf(" %d %q %d %d %q %d %d\n", n, a, len(a), cap(a), b, len(b), cap(b))
			}
		}
	}
	long := strings.Repeat("word,", 50) + "end"
	p := strings.Split(long, ",")
	fmt.Println(len(p), cap(p), p[0], p[50])
	q := strings.SplitN(long, ",", 1000)
	fmt.Println(len(q), cap(q), q[:cap(q)][len(q)] == "")
	// Maps: int values, then non-int, deletes, ranges.
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i*7] = i
	}
	delete(m, 14)
	m[14] = -1
	m[21] = 5
	sum := 0
	for k, v := range m {
		sum += k - v
	}
	fmt.Println(len(m), sum, m[14], m[21], m[22])
	mi := map[int]interface{}{1: 2}
	mi[3] = "x"
	mi[1] = 4.5
	fmt.Println(mi)
	ms := map[string]int{"a": 1, "b": 2}
	ms["c"] = 3
	delete(ms, "a")
	keys := []string{}
	for k := range ms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, ms)
	mb := map[int]bool{}
	for i := 0; i < 100; i++ {
		mb[i] = i%2 == 0
	}
	fmt.Println(len(mb), mb[4], mb[5], mb[200])
	clear(m)
	m[1] = 1
	fmt.Println(m)
	mm := map[int]int{}
	for i := 0; i < 50; i++ {
		mm[i] = i
		if i%3 == 0 {
			delete(mm, i/2)
		}
	}
	fmt.Println(len(mm), mm)
}
