package main

import (
	"fmt"
	"runtime"
)

func check(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		rerr, isRt := r.(runtime.Error)
		fmt.Println(name)
		fmt.Println("  value:", r)
		fmt.Println("  is error:", isErr, "is runtime.Error:", isRt)
		if isErr {
			fmt.Println("  err.Error():", err.Error())
		}
		if isRt {
			fmt.Println("  runtime.Error:", rerr)
		}
	}()
	f()
}

func main() {
	check("index", func() {
		s := []int{1}
		i := 3
		_ = s[i]
	})
	check("string panic", func() { panic("just a string") })
	check("nil map", func() {
		var m map[int]int
		m[1] = 1
	})
}
