package main

import "fmt"

func parse(s string) (n int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("  recovered:", r)
			ok = false
		}
	}()
	n = 1
	for _, c := range s {
		if c < '0' || c > '9' {
			panic(fmt.Sprintf("bad digit %q", c))
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func main() {
	fmt.Println(parse("123"))
	fmt.Println(parse("12x4"))
}
