package main

import "fmt"

// Two returns: the trace shows the one that ran.
func check(n int) string {
	defer func() {
		if n > 5 {
			panic(fmt.Sprint("too big: ", n))
		}
	}()
	if n > 3 {
		return "big"
	}
	fmt.Println("small", n)
	return "small"
}

func main() {
	fmt.Println(check(1))
	fmt.Println(check(4))
	fmt.Println(check(7))
}
