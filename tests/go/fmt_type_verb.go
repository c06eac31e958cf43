package main

import (
	"errors"
	"fmt"
)

type Celsius float64
type Pair struct{ A, B int }
type Stack []int
type Handler func(int) error
type Shape interface{ Area() float64 }

func main() {
	values := []any{
		1, int8(1), int16(1), int32(1), int64(1),
		uint(1), uint8(1), uint16(1), uint32(1), uint64(1), uintptr(1),
		1.0, float32(1), "s", 'r', byte('b'), true, nil,
		[]int{}, [3]string{}, map[string][]int{}, &Pair{}, Pair{}, Celsius(1), Stack{},
		func() {}, func(int, string) (bool, error) { return false, nil }, Handler(nil),
		errors.New("e"), fmt.Errorf("w: %w", errors.New("e")), struct{ X int }{},
		[]any{}, map[Pair]*Pair{}, new(int), new([]string), [][]float64{},
		func(...int) {}, []func(){}, struct{}{},
	}
	for _, v := range values {
		fmt.Printf("%T\n", v)
	}
	var s Shape
	fmt.Printf("nil interface: %T\n", s)
	fmt.Printf("%%v of %%T: %v\n", fmt.Sprintf("%T", Pair{}))
	fmt.Printf("%10T|%-10T|\n", 1, "x")
}
