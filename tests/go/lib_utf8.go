package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界 😀"
	fmt.Println("len:", len(s), "RuneCountInString:", utf8.RuneCountInString(s), "RuneCount:", utf8.RuneCount([]byte(s)))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%d:%c/%d ", i, r, size)
		i += size
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString(s)
	fmt.Printf("last: %c %d\n", r, size)
	r, size = utf8.DecodeRune([]byte("世"))
	fmt.Printf("DecodeRune: %c %d\n", r, size)
	for _, r := range []rune{'a', 'é', '世', '😀', -1, 0xD800, utf8.MaxRune, utf8.MaxRune + 1} {
		fmt.Printf("RuneLen(%U) = %d, ValidRune = %v\n", r, utf8.RuneLen(r), utf8.ValidRune(r))
	}
	fmt.Println("ValidString:", utf8.ValidString(s), utf8.ValidString("\xff"), utf8.ValidString(""))
	fmt.Println("Valid:", utf8.Valid([]byte{0xe4, 0xb8, 0x96}), utf8.Valid([]byte{0xe4, 0xb8}))
	buf := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(buf, '界')
	fmt.Println("EncodeRune:", buf[:n], n)
	b := utf8.AppendRune([]byte("x"), '€')
	fmt.Println("AppendRune:", b, string(b))
	fmt.Println("RuneError:", utf8.RuneError, string(utf8.RuneError), "UTFMax:", utf8.UTFMax, "RuneSelf:", utf8.RuneSelf)
	fmt.Println("FullRuneInString:", utf8.FullRuneInString("\xe4\xb8"), utf8.FullRuneInString("a"))
	fmt.Println("RuneStart:", utf8.RuneStart(s[1]), utf8.RuneStart(s[2]))
}
