package main

import (
	"errors"
	"fmt"
)

type HTTPError struct {
	Status int
	Msg    string
}

func (e *HTTPError) Error() string { return fmt.Sprintf("%d %s", e.Status, e.Msg) }

// Is makes any *HTTPError with the same status match.
func (e *HTTPError) Is(target error) bool {
	t, ok := target.(*HTTPError)
	return ok && t.Status == e.Status
}

var ErrNotFound = &HTTPError{404, "not found"}
var ErrTimeout = errors.New("timeout")

type MultiErr []error

func (m MultiErr) Error() string   { return fmt.Sprintf("%d errors", len(m)) }
func (m MultiErr) Unwrap() []error { return m }

func main() {
	err := fmt.Errorf("GET /x: %w", &HTTPError{404, "no such page"})
	fmt.Println(err)
	fmt.Println("Is ErrNotFound (custom Is):", errors.Is(err, ErrNotFound))
	fmt.Println("Is 500:", errors.Is(err, &HTTPError{Status: 500}))
	var he *HTTPError
	if errors.As(err, &he) {
		fmt.Println("As:", he.Status, he.Msg)
	}
	m := MultiErr{errors.New("first"), fmt.Errorf("second: %w", ErrTimeout)}
	wrapped := fmt.Errorf("batch: %w", m)
	fmt.Println(wrapped, "| Is timeout:", errors.Is(wrapped, ErrTimeout), "| Is notfound:", errors.Is(wrapped, ErrNotFound))
	var me MultiErr
	fmt.Println("As MultiErr:", errors.As(wrapped, &me), len(me))
	j := errors.Join(ErrTimeout, &HTTPError{404, "gone"})
	fmt.Printf("%q Is404=%v\n", j.Error(), errors.Is(j, ErrNotFound))
	var iface interface{ Is(error) bool }
	fmt.Println("As interface:", errors.As(err, &iface))
}
