package main

import (
	"fmt"
	"strconv"
)

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	} else {
		return "odd"
	}
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	for _, s := range []string{"12", "x1", "-5"} {
		if v, err := strconv.Atoi(s); err != nil {
			fmt.Println("bad:", s, "->", err)
		} else if v < 0 {
			fmt.Println("negative number:", v)
		} else {
			fmt.Println("number:", v, "doubled:", v*2)
		}
	}
	x := 5
	if x := x * 2; x > 8 {
		fmt.Println("init shadow x =", x)
	}
	fmt.Println("after if x =", x)
	ok := true && !false
	if ok {
		fmt.Println("ok is true")
	}
}
