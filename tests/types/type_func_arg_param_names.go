package main

func apply(h func(int) int) int { return h(1) }

func twice(x int, y int) int { return x + y }

func main() {
	_ = apply(twice)
}
