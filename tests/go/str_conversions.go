package main

import (
	"fmt"
	"strconv"
)

func main() {
	// string(int) is a rune conversion, not a number formatting
	n := 65
	fmt.Println(string(rune(n)), strconv.Itoa(n), fmt.Sprint(n))
	b := []byte("abc")
	s := string(b)
	b[0] = 'X'
	fmt.Println(s, string(b)) // s is an independent copy
	r := []rune("añb")
	r[1] = 'n'
	fmt.Println(string(r))
	fmt.Println([]byte(""), []rune(""), len(string([]byte(nil))))
	// conversion between named string types
	type Path string
	p := Path("/usr/bin")
	fmt.Println(string(p)+"/go", len(p), p[1:4])
	type Bytes []byte
	bb := Bytes("named")
	fmt.Println(string(bb), bb)
	// byte slices compare via string conversion
	fmt.Println(string([]byte("x")) == "x")
	var sb []byte
	sb = append(sb, "hello"...)
	sb = append(sb, ' ')
	sb = strconv.AppendInt(sb, -42, 10)
	sb = strconv.AppendQuote(sb, "q")
	fmt.Println(string(sb))
}
