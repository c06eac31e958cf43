package main

import "fmt"

func main() {
	// three-clause
	sum := 0
	for i := 1; i <= 10; i++ {
		sum += i
	}
	fmt.Println("sum 1..10:", sum)

	// condition only (while)
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Println("collatz steps for 27:", steps)

	// infinite with break
	k := 0
	for {
		k++
		if k*k > 50 {
			break
		}
	}
	fmt.Println("first k with k*k > 50:", k)

	// continue
	for i := 0; i < 10; i++ {
		if i%3 != 0 {
			continue
		}
		fmt.Print(i, " ")
	}
	fmt.Println()

	// multiple variables in the post statement
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Println("i, j:", i, j)
	}

	// empty init and post
	m := 3
	for ; m > 0; {
		fmt.Println("countdown", m)
		m--
	}
}
