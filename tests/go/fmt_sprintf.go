package main

import (
	"fmt"
	"strings"
)

type Money int64

func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign = "-"
		m = -m
	}
	return fmt.Sprintf("%s$%d.%02d", sign, m/100, m%100)
}

func pad(s string, n int) string { return fmt.Sprintf("%-*s|", n, s) }

func main() {
	s := fmt.Sprintf("%s is %d years and %.1f%% done", "Go", 15, 99.5)
	fmt.Println(s)
	fmt.Println(Money(123456), Money(-5), Money(7))
	fmt.Println(pad("ab", 5), pad("abcdef", 3))
	var sb strings.Builder
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&sb, "[%d:%s]", i, strings.Repeat("*", i))
	}
	fmt.Println(sb.String())
	hex := fmt.Sprintf("%02x%02x%02x", 255, 128, 0)
	fmt.Println("#" + hex)
	fmt.Println(fmt.Sprint(1, 2, "a", "b", 3.5, nil))
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	fmt.Println(len(fmt.Sprintf("%8.3f", 3.14159)))
	fmt.Println(fmt.Sprintf("%v|%v|%v", []string{}, map[int]int{}, struct{}{}))
	fmt.Println(fmt.Sprintf("%3d|%-3d|%03d", 1000, 1000, 1000))
	fmt.Println(fmt.Sprintf("%c%c%c", 71, 111, 33))
	fmt.Println(fmt.Sprintf("%q", []any{"a", 1, 'b'}))
	fmt.Println(fmt.Sprintf("%5.1f%%", 12.345))
	fmt.Println(fmt.Sprintf("%s", fmt.Sprint(Money(99))))
	fmt.Println(fmt.Sprintf("%08.3f|%-8.3f|%+.3e", -3.14159, 2.5, 12345.678))
	fmt.Println(fmt.Sprintf("%t %v %s", true, false, true))
}
