package main

type S struct {
	cb func(n int, label string) error
}

func main() {
	var x interface{ M(x int) (ok bool) } = 1
	s := S{cb: func(a, b int) error { return nil }}
	_, _ = x, s
}
