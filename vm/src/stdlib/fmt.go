// Package fmt: formatting is native (the runtime implements every verb); Errorf's wrapping types are Go.
package fmt

import (
	"errors"
	"os"
)

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method (used by %#v).
type GoStringer interface {
	GoString() string
}

// writer is what Fprint* accept (io.Writer in Go).
type writer interface {
	Write(p []byte) (n int, err error)
}

func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintf(format, a...))
}
func Print(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprint(a...))
}
func Println(a ...any) (n int, err error) {
	return os.Stdout.WriteString(Sprintln(a...))
}
func Fprintf(w writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}
func Fprint(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}
func Fprintln(w writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

// errorf formats like Sprintf, except that %w takes an error operand, and
// returns the operand numbers of the %w verbs, sorted and deduplicated (native).
func errorf(format string, a ...any) (string, []int)

func Errorf(format string, a ...any) error {
	s, idx := errorf(format, a...)
	switch len(idx) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[idx[0]].(error)
		return w
	default:
		errs := make([]error, 0, len(idx))
		for _, i := range idx {
			if e, ok := a[i].(error); ok {
				errs = append(errs, e)
			}
		}
		return &wrapErrors{s, errs}
	}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}
