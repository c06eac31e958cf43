package main

import "fmt"

func main() {
	// Println always adds spaces between operands and a newline
	fmt.Println("a", "b", 1, 2, "c")
	fmt.Println()
	fmt.Println("")
	// Print adds spaces only between operands when neither is a string
	fmt.Print("a", "b", 1, 2, "c", "\n")
	fmt.Print(1, 2, 3, "\n")
	fmt.Print("x", 1, "y", 2.5, true, false, "\n")
	fmt.Print(1, "2", 3, "\n")
	fmt.Print([]int{1}, []int{2}, "\n")
	type S struct{ A int }
	fmt.Print(S{1}, S{2}, "\n")
	var e error
	fmt.Print(nil, nil, e, "\n")
	// Sprint / Sprintln follow the same rules
	s1 := fmt.Sprint("a", 1, 2, "b")
	s2 := fmt.Sprintln("a", 1, 2, "b")
	fmt.Printf("%q %q\n", s1, s2)
	fmt.Printf("%q\n", fmt.Sprint())
	fmt.Printf("%q\n", fmt.Sprintln())
	// named string types count as strings? No: only the string type itself
	type Name string
	fmt.Print(Name("n1"), Name("n2"), "\n")
	n, err := fmt.Println("returns byte count")
	fmt.Println(n, err)
	n, _ = fmt.Print("no newline")
	fmt.Println(" <-", n)
}
