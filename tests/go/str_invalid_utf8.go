package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	bad := "a\xffb\xc3(\xe2\x82z"
	fmt.Println("valid:", utf8.ValidString(bad), "bytes:", len(bad), "runes:", utf8.RuneCountInString(bad))
	for i, r := range bad {
		fmt.Printf("%d:%q ", i, r)
	}
	fmt.Println()
	rs := []rune(bad)
	fmt.Println("[]rune:", rs)
	fmt.Println("string([]rune) repairs:", string(rs), utf8.ValidString(string(rs)))
	fmt.Printf("%q\n", bad)
	r, size := utf8.DecodeRuneInString("\xff")
	fmt.Println("decode invalid:", r == utf8.RuneError, size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println("decode empty:", r == utf8.RuneError, size)
	// surrogate halves are invalid in UTF-8
	sur := "\xed\xa0\x80"
	fmt.Println("surrogate valid:", utf8.ValidString(sur), utf8.RuneCountInString(sur))
	// overlong encoding of '/'
	over := "\xc0\xaf"
	for _, r := range over {
		fmt.Printf("%U ", r)
	}
	fmt.Println()
	fmt.Println("ValidRune(0xD800):", utf8.ValidRune(0xD800), "ValidRune('a'):", utf8.ValidRune('a'))
	fmt.Println("upper of invalid:", strings.ToUpper("a\xffb"))
}
