package main

func f(x int, s string) (n int, err error) { return 0, nil }

func main() {
	var g func(int) int = f
	_ = g
}
