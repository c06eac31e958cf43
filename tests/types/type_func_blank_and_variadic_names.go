package main

func h(v any, _ int, rest ...[]byte) {}

func main() {
	var g int = h
	_ = g
}
