package main

import (
	"errors"
	"fmt"
)

var ErrClosed = errors.New("resource closed")

type OpError struct{ Op string }

func (e *OpError) Error() string { return "op " + e.Op + " failed" }

func catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("non-error panic: %v", r)
			}
		}
	}()
	f()
	return nil
}

func main() {
	e1 := catch(func() { panic(fmt.Errorf("reading: %w", ErrClosed)) })
	fmt.Println(e1, errors.Is(e1, ErrClosed))
	e2 := catch(func() { panic(&OpError{Op: "write"}) })
	var oe *OpError
	fmt.Println(e2, errors.As(e2, &oe), oe.Op)
	e3 := catch(func() { panic(99) })
	fmt.Println(e3)
}
