package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil *MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p // always a non-nil interface!
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

type Shape interface{ Area() float64 }
type Circle struct{ R float64 }

func (c *Circle) Area() float64 {
	if c == nil {
		return 0
	}
	return 3 * c.R * c.R
}

func main() {
	err := mayFail(false)
	fmt.Println("interface holding nil pointer == nil:", err == nil)
	fmt.Printf("%T %v\n", err, err)
	err = correct(false)
	fmt.Println("real nil interface == nil:", err == nil)
	fmt.Printf("%T %v\n", err, err)
	var s Shape
	fmt.Println("nil Shape:", s == nil)
	var c *Circle
	s = c
	fmt.Println("Shape with nil *Circle:", s == nil, "Area:", s.Area())
	var target *MyErr
	e := mayFail(true)
	fmt.Println("errors.As:", errors.As(e, &target), target.msg)
	var a, b any
	fmt.Println("two nil any equal:", a == b)
	a = (*int)(nil)
	fmt.Println("any holding (*int)(nil) == nil:", a == nil)
	fmt.Println("compare with typed nil:", a == (*int)(nil))
	var m map[string]int
	a = m
	fmt.Println("any holding nil map == nil:", a == nil)
	fmt.Printf("%v %v\n", a, []any{nil, (*int)(nil) == nil})
}
