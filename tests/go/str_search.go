package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "the quick brown fox jumps over the lazy dog"
	fmt.Println("Contains fox:", strings.Contains(s, "fox"), "cat:", strings.Contains(s, "cat"), "empty:", strings.Contains(s, ""))
	fmt.Println("ContainsRune z:", strings.ContainsRune(s, 'z'), "ContainsAny xyz:", strings.ContainsAny(s, "xyz"), "ContainsAny 123:", strings.ContainsAny(s, "123"))
	fmt.Println("Index the:", strings.Index(s, "the"), "LastIndex the:", strings.LastIndex(s, "the"), "Index cat:", strings.Index(s, "cat"))
	fmt.Println("IndexByte o:", strings.IndexByte(s, 'o'), "IndexRune z:", strings.IndexRune(s, 'z'), "IndexAny aeiou:", strings.IndexAny(s, "aeiou"))
	fmt.Println("Index in unicode:", strings.Index("héllo wörld", "wö"), strings.IndexRune("héllo", 'l'))
	fmt.Println("Count o:", strings.Count(s, "o"), "Count the:", strings.Count(s, "the"), "Count empty:", strings.Count("five", ""))
	fmt.Println("HasPrefix:", strings.HasPrefix(s, "the"), strings.HasPrefix(s, "quick"))
	fmt.Println("HasSuffix:", strings.HasSuffix(s, "dog"), strings.HasSuffix(s, "cat"))
	fmt.Println("EqualFold:", strings.EqualFold("GoMini", "gomini"), strings.EqualFold("a", "b"))
	fmt.Println("Compare:", strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println("LastIndexByte:", strings.LastIndexByte(s, 'o'))
	fmt.Println("IndexFunc upper:", strings.IndexFunc("abcDef", func(r rune) bool { return r >= 'A' && r <= 'Z' }))
}
