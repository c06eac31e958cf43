package main

type I interface{ M(x int) (ok bool) }

func main() {
	var a interface{} = 1
	var s string = a
	var i I
	var n int = i
	var m map[string]any
	var k int = m
	_, _, _ = s, n, k
}
