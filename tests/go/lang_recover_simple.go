package main

import (
	"errors"
	"fmt"
)

// safeDiv turns a runtime panic into an error with a deferred recover.
func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func mustPositive(n int) int {
	if n < 0 {
		panic(errors.New("negative input"))
	}
	return n
}

func try(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			_, isErr := r.(error)
			msg = fmt.Sprintf("recovered %v (is error: %v)", r, isErr)
		}
	}()
	f()
	return "no panic"
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(try(func() { mustPositive(-1) }))
	fmt.Println(try(func() { mustPositive(1) }))
	fmt.Println(try(func() { var m map[int]int; m[0] = 1 }))
	fmt.Println(try(func() { panic(fmt.Sprintf("custom %d", 42)) }))
	fmt.Println(try(func() { var s []int; _ = s[3] }))
	fmt.Println("recover outside panic:", recover())
}
