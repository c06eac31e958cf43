package main

import (
	"fmt"
	"strings"
)

type Row struct {
	Lang   string
	Year   int
	Score  float64
	Typed  bool
	Author string
}

func main() {
	rows := []Row{
		{"Go", 2009, 9.25, true, "Griesemer, Pike, Thompson"},
		{"Rust", 2010, 9.5, true, "Hoare"},
		{"Python", 1991, 8.125, false, "van Rossum"},
		{"C", 1972, 7, true, "Ritchie"},
	}
	header := fmt.Sprintf("| %-8s | %6s | %7s | %-5s | %-12.12s |", "LANG", "YEAR", "SCORE", "TYPED", "AUTHOR")
	line := strings.Repeat("-", len(header))
	fmt.Println(line)
	fmt.Println(header)
	fmt.Println(line)
	for _, r := range rows {
		fmt.Printf("| %-8s | %6d | %7.3f | %-5t | %-12.12s |\n", r.Lang, r.Year, r.Score, r.Typed, r.Author)
	}
	fmt.Println(line)
	fmt.Printf("[%*s]\n", 10, "right")
	fmt.Printf("[%-*s]\n", 10, "left")
	fmt.Printf("[%*s]\n", -10, "neg width")
	fmt.Printf("[%6.2f%%]\n", 45.678)
	fmt.Printf("[%v] [%10v] [%-10v]\n", []int{1, 2}, []int{1, 2}, []string{"a"})
	fmt.Printf("[%8v] [%-8v]\n", struct{ A int }{1}, true)
	fmt.Printf("[%6v] [%-6v] [%6v]\n", nil, 'x', "日本")
}
