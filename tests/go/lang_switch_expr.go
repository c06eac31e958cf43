package main

import "fmt"

func day(n int) string {
	switch n {
	case 0, 6:
		return "weekend"
	case 1, 2, 3, 4, 5:
		return "weekday"
	default:
		return "invalid"
	}
}

func main() {
	for _, n := range []int{0, 3, 6, 9} {
		fmt.Println(n, day(n))
	}
	// default in the middle is still only taken when nothing matches
	for _, s := range []string{"a", "b", "z"} {
		switch s {
		case "a":
			fmt.Println(s, "-> first")
		default:
			fmt.Println(s, "-> default")
		case "b":
			fmt.Println(s, "-> second")
		}
	}
	// cases are evaluated top to bottom, left to right, stopping at the first match
	calls := 0
	f := func(v int) int { calls++; return v }
	switch 2 {
	case f(1), f(2), f(3):
		fmt.Println("matched after", calls, "calls")
	case f(4):
		fmt.Println("not reached")
	}
	// switch with init statement
	switch x := 5 * 5; x {
	case 25:
		fmt.Println("x is 25")
	}
	// switch on a type with ==, like a struct
	type pt struct{ X, Y int }
	switch (pt{1, 2}) {
	case pt{2, 1}:
		fmt.Println("wrong")
	case pt{1, 2}:
		fmt.Println("struct case matched")
	}
	// break inside switch leaves the switch only
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break
		}
		fmt.Println("loop i", i)
	}
}
