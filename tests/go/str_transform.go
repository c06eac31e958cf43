package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.ToUpper("hello, wörld ß"))
	fmt.Println(strings.ToLower("HELLO, WÖRLD"))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 10), "["+strings.Repeat("x", 0)+"]")
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("a.b.c", ".", "::"))
	fmt.Println(strings.Replace("abc", "", "-", -1))
	fmt.Printf("[%s]\n", strings.TrimSpace("  \t padded \n "))
	fmt.Printf("[%s]\n", strings.Trim("xxhixx", "x"))
	fmt.Printf("[%s]\n", strings.Trim("  !hi!  ", " !"))
	fmt.Printf("[%s]\n", strings.TrimLeft("aaabca", "a"))
	fmt.Printf("[%s]\n", strings.TrimRight("abcccc", "c"))
	fmt.Printf("[%s]\n", strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Printf("[%s]\n", strings.TrimPrefix("body", "prefix-"))
	fmt.Printf("[%s]\n", strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("[%s]\n", strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, Gopher!"))
	dropVowels := func(r rune) rune {
		if strings.ContainsRune("aeiou", r) {
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(dropVowels, "interpreter"))
}
