package main

import "fmt"

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func describe(prefix string, vals ...any) string {
	return fmt.Sprint(prefix, len(vals), vals, vals == nil)
}

func setFirst(xs ...int) {
	if len(xs) > 0 {
		xs[0] = -1
	}
}

func main() {
	fmt.Println("sum():", sum())
	fmt.Println("sum(1,2,3):", sum(1, 2, 3))
	nums := []int{10, 20, 30}
	fmt.Println("sum(nums...):", sum(nums...))
	fmt.Println(describe("none: "))
	fmt.Println(describe("three: ", 1, "a", true))
	// xs... passes the slice itself: the callee can modify it
	setFirst(nums...)
	fmt.Println("after setFirst(nums...):", nums)
	setFirst(1, 2)
	// a nil slice passed with ...
	var empty []int
	fmt.Println("sum(empty...):", sum(empty...))
	// []any spread
	args := []any{"x", 1, 2.5}
	fmt.Println(args...)
	fmt.Println(describe("spread: ", args...))
	// append is variadic too
	a := append([]int{1}, nums[1:]...)
	fmt.Println(a)
	s := append([]byte("hello "), "world"...)
	fmt.Println(string(s))
	// variadic function value
	f := sum
	fmt.Printf("%T %d\n", f, f(4, 5))
}
