package main

type T struct{}

func (t T) M(a, b int) (ok bool) { return true }

func main() {
	var g func(int) bool = T{}.M
	_ = g
}
