// Builder: Len/Cap after writes and Grow (Go rounds Grow to a size class), String() shared then
// written again, Write/WriteByte/WriteRune (an invalid rune), builders in fields and slices,
// through an interface and through Fprintf.
package main

import (
	"fmt"
	"strings"
)

type W struct {
	n int
	b strings.Builder
}

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	b.WriteString("hello")
	fmt.Println(b.Len(), b.Cap(), b.String())
	b.WriteByte(' ')
	b.WriteRune('é')
	b.WriteRune(-1)
	b.Write([]byte("world, a longer piece of text"))
	s1 := b.String()
	fmt.Println(b.Len(), b.Cap(), s1)
	b.WriteString("!")
	fmt.Println(s1, b.String())
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap())
	b.Reset()
	fmt.Println(b.Len(), b.Cap(), b.String())
	for i := 0; i < 100; i++ {
		b.WriteString("ab")
		if i%17 == 0 {
			fmt.Println(b.Len(), b.Cap())
		}
	}
	var w W
	w.b.WriteString("in a field")
	p := &w
	p.b.WriteString(" via pointer")
	fmt.Fprintf(&w.b, " %d", 42)
	fmt.Println(w.b.String(), w.b.Len(), w.b.Cap())
	arr := make([]strings.Builder, 2)
	arr[1].WriteString("elem")
	fmt.Println(arr[1].String(), arr[0].Len())
	var iw interface{ WriteString(string) (int, error) } = &b
	n, err := iw.WriteString("xyz")
	fmt.Println(n, err, b.Len())
	fmt.Println(strings.Join([]string{"a", "b", "c"}, "--"), strings.Map(func(r rune) rune { return r + 1 }, "abc"))
	var g strings.Builder
	g.Grow(10)
	fmt.Println(g.Len(), g.Cap())
	g.WriteString("0123456789ab")
	fmt.Println(g.Len(), g.Cap())
}
