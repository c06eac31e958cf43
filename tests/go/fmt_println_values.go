package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }
type Line struct{ A, B Point }
type Named struct {
	Name string
	P    *Point
}

func main() {
	fmt.Println(42, -7, 3.5, "str", 'r', true, nil)
	fmt.Println(int8(-8), uint16(16), uintptr(99), float32(2.25))
	fmt.Println([]int{1, 2}, [2]string{"a", "b"}, []bool{true})
	fmt.Println([][]int{{1}, {2, 3}}, [][]string{{"a"}, {}})
	fmt.Println(Point{1, 2}, &Point{3, 4}, Line{Point{1, 2}, Point{3, 4}})
	fmt.Println([]Point{{1, 2}}, []*Point{})
	fmt.Println(errors.New("an error"), []error{errors.New("e1"), nil})
	fmt.Println(struct {
		A []int
		M map[string]int
	}{[]int{1}, map[string]int{"k": 1}})
	fmt.Println([]any{1, "two", 3.0, []int{4}, map[string]int{"five": 5}})
	fmt.Println(Named{"n", nil})
	fmt.Println([]byte("hi"), []rune("hi"), string([]byte{104, 105}))
	fmt.Println([]string{"", "x", ""}, len([]string{"", "x", ""}))
	fmt.Println("multi\nline", "end")
	fmt.Println(1e6, 1e-6, 123.0, 0.5, -0.25)
	fmt.Println([]float64{0.1, 0.25}, []float32{0.1, 0.25})
	var e error = nil
	fmt.Println("nil error:", e)
	type Empty struct{}
	fmt.Println(Empty{}, []Empty{{}, {}})
}
