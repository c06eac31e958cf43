package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct {
	Query string
	Err   error
}

func (e *QueryErr) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryErr) Unwrap() error { return e.Err }

func find(key string) error {
	if key == "" {
		return fmt.Errorf("find: empty key")
	}
	return &QueryErr{key, ErrNotFound}
}

func main() {
	e1 := fmt.Errorf("level 1: %w", ErrNotFound)
	e2 := fmt.Errorf("level 2: %w", e1)
	fmt.Println(e2)
	fmt.Println("errors.Is(e2, ErrNotFound):", errors.Is(e2, ErrNotFound))
	fmt.Println("Unwrap(e2) == e1:", errors.Unwrap(e2) == e1)
	fmt.Println("Unwrap(ErrNotFound):", errors.Unwrap(ErrNotFound))
	e3 := fmt.Errorf("with %%v: %v", ErrNotFound)
	fmt.Println(e3, "| Is:", errors.Is(e3, ErrNotFound), "| Unwrap nil:", errors.Unwrap(e3) == nil)
	e4 := find("users")
	wrapped := fmt.Errorf("handler: %w", e4)
	fmt.Println(wrapped)
	var qe *QueryErr
	if errors.As(wrapped, &qe) {
		fmt.Println("as QueryErr, query =", qe.Query)
	}
	fmt.Println("Is through custom Unwrap:", errors.Is(wrapped, ErrNotFound))
	fmt.Println(find(""))
	multi := fmt.Errorf("two: %w and %w", ErrNotFound, errors.New("other"))
	fmt.Println(multi, errors.Is(multi, ErrNotFound), errors.Unwrap(multi) == nil)
	fmt.Printf("%v | %s | %q\n", e1, e1, e1)
	fmt.Printf("%T %T\n", e1, multi)
	bad := fmt.Errorf("bad w: %w", "not an error")
	fmt.Println(bad)
	fmt.Println(fmt.Errorf("num %d, str %s, err %w", 5, "x", nil))
}
