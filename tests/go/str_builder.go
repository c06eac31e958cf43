package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Println("empty:", sb.Len(), fmt.Sprintf("%q", sb.String()))
	sb.WriteString("hello")
	sb.WriteByte(',')
	sb.WriteRune(' ')
	sb.WriteRune('世')
	n, err := sb.WriteString("界!")
	fmt.Println("wrote", n, err)
	fmt.Println(sb.String(), sb.Len())
	sb.Write([]byte(" bytes"))
	fmt.Fprintf(&sb, " %d-%s", 42, "fmt")
	fmt.Println(sb.String())
	sb.Reset()
	fmt.Println("after reset:", sb.Len())
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strings.Repeat("ab", i))
	}
	fmt.Printf("%q\n", sb.String())
	var lines strings.Builder
	for _, w := range []string{"one", "two", "three"} {
		lines.WriteString(strings.ToUpper(w[:1]) + w[1:])
		lines.WriteByte('\n')
	}
	fmt.Print(lines.String())
}
