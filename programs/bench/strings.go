// strings: 10 rounds of building a 600 KB string of 100,000 words with strings.Builder and splitting it
// (Split and Fields); prints the totals.
package main

import (
	"fmt"
	"strings"
)

func main() {
	words := []string{"alpha", "bravo", "delta", "hotel", "india", "oscar", "romeo", "tango"}
	size, parts, deltas := 0, 0, 0
	for round := 0; round < 10; round++ {
		var b strings.Builder
		for i := 0; i < 100000; i++ {
			b.WriteString(words[(i+round)%len(words)])
			b.WriteString(" ")
		}
		s := b.String()
		size += len(s)
		parts += len(strings.Split(s, " "))
		for _, w := range strings.Fields(s) {
			if w == "delta" {
				deltas++
			}
		}
	}
	fmt.Println(size, parts, deltas)
}
