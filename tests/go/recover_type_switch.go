package main

import (
	"errors"
	"fmt"
)

type Code int

func classify(f func()) {
	defer func() {
		switch v := recover().(type) {
		case nil:
			fmt.Println("no panic")
		case string:
			fmt.Println("string:", v)
		case error:
			fmt.Println("error:", v)
		case Code:
			fmt.Println("Code:", int(v))
		case int:
			fmt.Println("int:", v)
		default:
			fmt.Printf("other %T: %v\n", v, v)
		}
	}()
	f()
}

func main() {
	classify(func() {})
	classify(func() { panic("text") })
	classify(func() { panic(errors.New("an error")) })
	classify(func() { panic(Code(404)) })
	classify(func() { panic(7) })
	classify(func() { panic([]int{1, 2}) })
	classify(func() { panic(struct{ X, Y int }{1, 2}) })
}
