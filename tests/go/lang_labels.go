package main

import "fmt"

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Println("i", i, "j", j)
		}
	}
	fmt.Println("---")
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
	found := false
search:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				fmt.Println("negative at", r, c)
				found = true
				break search
			}
		}
	}
	fmt.Println("found:", found)
	fmt.Println("---")
	// break out of a switch inside a loop needs a label
	n := 0
loop:
	for {
		switch {
		case n >= 3:
			break loop
		default:
			n++
		}
	}
	fmt.Println("n =", n)
	// labelled continue with range over map keys sorted
	words := []string{"apple", "kiwi", "banana", "fig"}
words:
	for _, w := range words {
		for _, ch := range w {
			if ch == 'i' {
				continue words
			}
		}
		fmt.Println("no i:", w)
	}
}
