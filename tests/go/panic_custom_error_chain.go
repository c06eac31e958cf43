package main

import (
	"errors"
	"fmt"
)

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

var ErrTimeout = errors.New("timeout")

func run(q string) {
	defer func() {
		r := recover()
		err := r.(error)
		fmt.Printf("recovered %v (%T), timeout: %v\n", err, err, errors.Is(err, ErrTimeout))
		panic(fmt.Errorf("run: %w", err))
	}()
	panic(&QueryError{q, ErrTimeout})
}

func main() {
	defer func() {
		fmt.Println("main deferred sees:", recover())
		panic(&QueryError{"final", errors.New("gave up")})
	}()
	run("select 1")
}
