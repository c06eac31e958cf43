// Printf widths and precisions past Go's limit of a million: a written number
// that long is no number (the verb goes missing), one given by `*` is a bad
// width or precision. Widths up to the limit still pad.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%99999999999999999999999999d|\n", 7)
	fmt.Printf("[%.99999999999999999999s]\n", "abc")
	fmt.Printf("%*d|\n", 1<<40, 5)
	fmt.Printf("%*d|\n", -(1 << 40), 5)
	fmt.Printf("%.*d|\n", 1<<40, 5)
	fmt.Printf("%.*d|\n", -(1 << 40), 5)
	fmt.Printf("%.*d|\n", -3, 5)
	s := fmt.Sprintf("%1000000d", 1)
	fmt.Println(len(s), strings.TrimLeft(s, " "))
	s = fmt.Sprintf("%*d", 1000000, 2)
	fmt.Println(len(s))
	s = fmt.Sprintf("%9999999d", 3)
	fmt.Println(len(s))
	fmt.Printf("%12345678d|\n", 4)
}
