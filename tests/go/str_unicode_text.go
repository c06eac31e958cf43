package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func main() {
	words := []string{"naïve", "café", "日本語テキスト", "emoji😀😀", "plain", ""}
	for _, w := range words {
		fmt.Printf("%-22q bytes=%2d runes=%2d upper=%s trunc=%s\n", w, len(w), utf8.RuneCountInString(w), strings.ToUpper(w), truncate(w, 4))
	}
	s := "aé世😀"
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("byte %d: %c takes %d bytes: % x\n", i, r, n, s[i:i+n])
		i += n
	}
	// byte-wise vs rune-wise indexing differ
	fmt.Println(s[1], string(s[1]), string([]rune(s)[1]))
	fmt.Println(strings.Index(s, "世"), strings.IndexRune(s, '😀'), len("😀"))
	var sb strings.Builder
	for _, r := range "hello" {
		sb.WriteRune(r - 32)
		sb.WriteRune('·')
	}
	fmt.Println(sb.String(), sb.Len())
}
