package main

import (
	"errors"
	"fmt"
)

var (
	ErrNotFound   = errors.New("not found")
	ErrPermission = errors.New("permission denied")
)

type PathError struct {
	Op, Path string
	Err      error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

type TempErr struct{ Retries int }

func (t TempErr) Error() string { return fmt.Sprintf("temporary (retries=%d)", t.Retries) }

func open(path string) error {
	switch path {
	case "/secret":
		return &PathError{"open", path, ErrPermission}
	case "/missing":
		return &PathError{"open", path, ErrNotFound}
	case "/flaky":
		return fmt.Errorf("open %s: %w", path, TempErr{3})
	}
	return nil
}

func main() {
	a := errors.New("same text")
	b := errors.New("same text")
	fmt.Println("distinct errors.New values are unequal:", a == b, errors.Is(a, b))
	for _, p := range []string{"/secret", "/missing", "/flaky", "/ok"} {
		err := open(p)
		fmt.Printf("%-9s err=%v\n", p, err)
		if err == nil {
			continue
		}
		fmt.Println("  Is NotFound:", errors.Is(err, ErrNotFound), "Is Permission:", errors.Is(err, ErrPermission))
		var pe *PathError
		if errors.As(err, &pe) {
			fmt.Println("  PathError op:", pe.Op, "path:", pe.Path)
		}
		var te TempErr
		if errors.As(err, &te) {
			fmt.Println("  TempErr retries:", te.Retries)
		}
		fmt.Println("  Unwrap:", errors.Unwrap(err))
	}
	joined := errors.Join(ErrNotFound, nil, ErrPermission)
	fmt.Println("joined:")
	fmt.Println(joined)
	fmt.Println("Is both:", errors.Is(joined, ErrNotFound), errors.Is(joined, ErrPermission), "Unwrap:", errors.Unwrap(joined))
	fmt.Println("Join of nils is nil:", errors.Join(nil, nil) == nil)
	fmt.Printf("%q\n", errors.Join(errors.New("a"), errors.New("b")).Error())
	fmt.Println("Is(nil, nil):", errors.Is(nil, nil), "Is(err, nil):", errors.Is(ErrNotFound, nil))
	var target *PathError
	fmt.Println("As on nil error:", errors.As(nil, &target))
}
