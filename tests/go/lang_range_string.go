package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println("len bytes:", len(s))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, r)
	}
	fmt.Println()
	count := 0
	for range s {
		count++
	}
	fmt.Println("runes:", count)
	for i := range "abc" {
		fmt.Print(i)
	}
	fmt.Println()
	// invalid UTF-8 yields U+FFFD, advancing one byte
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println()
	for i, r := range "" {
		fmt.Println("never", i, r)
	}
	fmt.Println("done")
}
