package main

func h(v interface{}) {}

func main() {
	var g func(int) = h
	_ = g
}
