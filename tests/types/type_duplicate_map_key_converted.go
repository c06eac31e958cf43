package main

func main() {
	_ = map[int8]int{1: 1, int8(1): 2}
	_ = map[any]int{1: 1, int(1): 2}
	_ = map[any]int{"a": 1, "a": 2, int8(1): 3, uint8(1): 4}
}
