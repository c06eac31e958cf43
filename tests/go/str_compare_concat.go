package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	words := []string{"banana", "Apple", "cherry", "apple", "Banana", "äpfel", ""}
	sort.Strings(words)
	fmt.Printf("%q\n", words)
	fmt.Println("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a")
	fmt.Println("é" > "z", "Z" < "a")
	s := ""
	for i := 0; i < 5; i++ {
		s += fmt.Sprint(i)
	}
	fmt.Println(s)
	a := "go"
	b := a
	b += "mini"
	fmt.Println(a, b)
	x := strings.ToLower("GO")
	fmt.Println(x == a, x == "go")
	long := strings.Repeat("ab", 1000)
	fmt.Println(len(long), long[1998:])
	parts := []string{}
	for _, w := range strings.Fields("the cat sat") {
		parts = append(parts, strings.ToUpper(w[:1])+w[1:])
	}
	fmt.Println(strings.Join(parts, " "))
	multi := "line one\n" +
		"line two\n" +
		`raw \n line`
	fmt.Println(multi)
}
