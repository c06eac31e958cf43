package main

import "fmt"

type T int
type S string
type U struct{ A int }

// fmtsort orders interface keys by their dynamic type first (its descriptor address in Go).
func main() {
	m := map[any]int{"a": 1, 1: 2, 1.5: 3, false: 4, int8(1): 5, uint(1): 6, [2]int{1, 2}: 7, T(1): 8, S("s"): 9, U{1}: 10, int64(1): 11, uint8(1): 12, float32(1): 13, int32(1): 14, struct{}{}: 15, [1]string{"x"}: 16, uint64(3): 17, int16(2): 18, uint16(3): 19, uint32(4): 20, uintptr(5): 21}
	fmt.Println(m)
	for k := range m {
		_ = k
	}
}
