package main

import "fmt"

func sign(x int) int {
	if x < 0 {
		return -1
	} else if x == 0 {
		return 0
	} else {
		return 1
	}
}

func name(n int) string {
	switch n {
	case 1:
		return "one"
	case 2:
		return "two"
	default:
		return "many"
	}
}

func nested(x int) int {
	if x > 0 {
		if x > 10 {
			return 10
		}
	} else {
		return 0
	}
	return x
}

func pick(n int) int {
	switch {
	case n > 5:
		n = 5
	case n < 0:
		return 0
	}
	return n
}

func main() {
	fmt.Println(sign(-3), sign(0), sign(4), name(1), name(2), name(7), nested(3), nested(30), nested(-1), pick(9), pick(-2), pick(2))
}
