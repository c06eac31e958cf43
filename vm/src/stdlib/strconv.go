// Package strconv: conversions; parsing natives report a code that Go code turns into *NumError.
package strconv

import "errors"

var ErrRange = errors.New("value out of range")
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

const IntSize = 64

// numError turns a native's failure code (1 syntax, 2 range, 3 base, 4 bit
// size) into Go's error value.
func numError(fn, s string, code int, base, bitSize int) *NumError {
	switch code {
	case 1:
		return &NumError{fn, s, ErrSyntax}
	case 3:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case 4:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return &NumError{fn, s, ErrRange}
}

func parseInt(s string, base int, bitSize int) (v int64, code int)
func parseUint(s string, base int, bitSize int) (v uint64, code int)
func parseFloat(s string, bitSize int) (v float64, code int)

func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, code := parseInt(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseInt", s, code, base, bitSize)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, code := parseUint(s, base, bitSize)
	if code != 0 {
		return v, numError("ParseUint", s, code, base, bitSize)
	}
	return v, nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, code := parseFloat(s, bitSize)
	if code != 0 {
		return v, numError("ParseFloat", s, code, 10, bitSize)
	}
	return v, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

func Atoi(s string) (int, error) {
	v, code := parseInt(s, 10, 0)
	if code != 0 {
		return int(v), numError("Atoi", s, code, 10, 0)
	}
	return int(v), nil
}

func Itoa(i int) string { return FormatInt(int64(i), 10) }

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}
func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteRune(r rune) string
func QuoteRuneToASCII(r rune) string
func CanBackquote(s string) bool
func unquote(s string) (string, bool)

func Unquote(s string) (string, error) {
	out, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return out, nil
}
