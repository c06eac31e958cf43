package main

import "fmt"

func main() {
	var r rune = 'é'
	var b byte = 'A'
	fmt.Println(r, b)
	fmt.Printf("%T %T\n", r, b)
	fmt.Printf("%c %c %q %q %U\n", r, b, r, b, r)
	fmt.Println("rune is int32:", r == int32(233), "byte is uint8:", b == uint8(65))
	s := "日本語"
	fmt.Println("s[0] is a byte:", s[0], "len:", len(s))
	fmt.Printf("%T\n", s[0])
	for _, c := range s {
		fmt.Printf("%T %c %d\n", c, c, c)
	}
	fmt.Println("'a' < 'b':", 'a' < 'b', "'z'-'a':", 'z'-'a')
	upper := make([]byte, 0)
	for i := 0; i < len("hello"); i++ {
		upper = append(upper, "hello"[i]-32)
	}
	fmt.Println(string(upper))
	fmt.Println("escapes:", '\n', '\t', '\\', '\'', '\x41', '\u00e9', '\U0001F600', '\101')
	fmt.Println("string of runes:", string([]rune{0x48, 0x69, 0x1F600}))
	var digit byte = '7'
	fmt.Println("digit value:", digit-'0', int(digit-'0')*6)
}
