package main

func main() {
	f := func(x int) (r rune) { return 0 }
	var g string = f
	var a any = 1
	var s string = a
	_, _ = g, s
}
