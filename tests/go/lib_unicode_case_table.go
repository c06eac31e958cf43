// Every rune that unicode.ToUpper, ToLower or ToTitle changes, with the three mappings.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		u, l, t := unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r)
		if u != r || l != r || t != r {
			fmt.Printf("%X %X %X %X\n", r, u, l, t)
		}
	}
}
