package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	curLen := 0
	for _, w := range strings.Fields(text) {
		wl := utf8.RuneCountInString(w)
		if curLen > 0 && curLen+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curLen = 0
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(w)
		curLen += wl
	}
	if curLen > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func justify(line string, width int) string {
	words := strings.Fields(line)
	if len(words) < 2 {
		return line
	}
	total := 0
	for _, w := range words {
		total += utf8.RuneCountInString(w)
	}
	gaps := len(words) - 1
	spaces := width - total
	var sb strings.Builder
	for i, w := range words {
		sb.WriteString(w)
		if i < gaps {
			n := spaces / gaps
			if i < spaces%gaps {
				n++
			}
			sb.WriteString(strings.Repeat(" ", n))
		}
	}
	return sb.String()
}

func center(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	left := (width - n) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", width-n-left)
}

const para = `Go is an open source programming language that makes it simple to build
secure, scalable systems. Gomini is a small interpreter for a subset of it, written
in Rust, whose output must match the real toolchain byte for byte — even for
naïve café-style unicode.`

func main() {
	for _, width := range []int{30, 45} {
		fmt.Printf("width %d:\n", width)
		lines := wrap(para, width)
		for i, l := range lines {
			if i < len(lines)-1 {
				l = justify(l, width)
			}
			fmt.Printf("|%s|\n", l+strings.Repeat(" ", width-utf8.RuneCountInString(l)))
		}
	}
	fmt.Printf("[%s]\n", center("title", 11))
	fmt.Printf("[%s]\n", center("héllo", 8))
	fmt.Println(len(wrap("", 10)), wrap("supercalifragilistic word", 5))
}
