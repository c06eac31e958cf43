package main

import "fmt"

func main() {
	s := "gopher"
	fmt.Printf("%%s: [%s] [%10s] [%-10s] [%.3s] [%10.3s] [%-10.3s|]\n", s, s, s, s, s, s)
	fmt.Printf("%%q: [%q] [%+q] [%#q] [%#q] [%12q]\n", s, "héllo", s, "back`tick", s)
	special := "tab\there \"quoted\" \\ nl\n bell\a nul\x00 é 世"
	fmt.Printf("%%q special: %q\n", special)
	fmt.Printf("%%+q special: %+q\n", special)
	fmt.Printf("%%q invalid utf8: %q %+q\n", "a\xffb", "\xc0")
	fmt.Printf("%%v: [%v] [%8v]\n", s, s)
	fmt.Printf("%%x: [%x] [%X] [% x] [%#x] [%# x]\n", s, s, s, s, s)
	fmt.Printf("%%s on []byte: [%s] [%q] [%x] [%v]\n", []byte("abc"), []byte("abc"), []byte("abc"), []byte("abc"))
	fmt.Printf("%%s on []string: %s %q %v\n", []string{"a", "b"}, []string{"a", "b"}, []string{"a", "b"})
	fmt.Printf("%%c on string is wrong: [%c]\n", "abc")
	fmt.Printf("%%s on int is wrong: [%s]\n", 42)
	fmt.Printf("%%d on string is wrong: [%d]\n", "x")
	fmt.Printf("precision counts runes: [%.2s] [%.3s]\n", "日本語", "héllo")
	fmt.Printf("width counts runes: [%5s] [%-5s]\n", "日本", "日本")
	fmt.Printf("zero-padded string: [%05s]\n", "ab")
	fmt.Printf("empty: [%s] [%q] [%5s]\n", "", "", "")
	fmt.Printf("%%q rune: [%q] [%q] [%q] [%q]\n", 'x', '\n', '\'', '"')
	fmt.Printf("percent: [%%] [%5%]\n")
}
