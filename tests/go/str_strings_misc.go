package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Count("cheese", "e"), strings.Count("cheese", "ee"), strings.Count("日本語", ""))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("go gopher", "x"), strings.Index("", ""))
	fmt.Println(strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexRune("日本語", '語'))
	fmt.Printf("%q\n", strings.SplitAfterN("1,2,3,4", ",", 2))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Println(strings.ContainsFunc("hello", func(r rune) bool { return r == 'l' }))
	fmt.Println(strings.Repeat("=-", 5) + "=")
	fmt.Println(strings.ToUpper("ǆ straße ﬁ"), strings.ToLower("ΑΒΓ İ"))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Σ", "ς"))
	fmt.Printf("%q\n", strings.TrimLeft("  \t x ", " \t"))
	fmt.Printf("%q\n", strings.TrimRight("xx--", "-"))
	fmt.Println(strings.HasPrefix("", ""), strings.HasSuffix("abc", ""), strings.Contains("", ""))
	s, found := strings.CutPrefix("v1.2.3", "v")
	fmt.Println(s, found)
	s, found = strings.CutSuffix("main.go", ".rs")
	fmt.Println(s, found)
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"))
}
