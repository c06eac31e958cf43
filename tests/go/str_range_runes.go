package main

import (
	"fmt"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func reverseBytes(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func main() {
	s := "Hello, 世界!"
	fmt.Println("reverse runes:", reverse(s))
	fmt.Printf("reverse bytes: %q\n", reverseBytes(s))
	fmt.Println("bytes:", len(s), "runes:", utf8.RuneCountInString(s), "[]rune len:", len([]rune(s)))
	for i, r := range s {
		size := utf8.RuneLen(r)
		fmt.Printf("%2d %c size=%d\n", i, r, size)
	}
	// palindrome check on runes
	for _, w := range []string{"level", "日本日", "abca", ""} {
		fmt.Printf("%q palindrome: %v\n", w, w == reverse(w))
	}
	// rune to string
	fmt.Println(string('é'), string(rune(0x1F600)), fmt.Sprint('é'))
	// counting letters
	counts := map[rune]int{}
	for _, r := range "aäaäb" {
		counts[r]++
	}
	fmt.Println(counts)
}
