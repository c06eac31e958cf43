package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Stack struct{ items []float64 }

func (s *Stack) Push(v float64) { s.items = append(s.items, v) }

func (s *Stack) Pop() (float64, error) {
	if len(s.items) == 0 {
		return 0, errors.New("stack underflow")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s *Stack) Len() int { return len(s.items) }

var binary = map[string]func(a, b float64) (float64, error){
	"+": func(a, b float64) (float64, error) { return a + b, nil },
	"-": func(a, b float64) (float64, error) { return a - b, nil },
	"*": func(a, b float64) (float64, error) { return a * b, nil },
	"/": func(a, b float64) (float64, error) {
		if b == 0 {
			return 0, errors.New("division by zero")
		}
		return a / b, nil
	},
}

func eval(expr string) (result float64, err error) {
	var st Stack
	for i, tok := range strings.Fields(expr) {
		if op, ok := binary[tok]; ok {
			b, err1 := st.Pop()
			a, err2 := st.Pop()
			if err := errors.Join(err1, err2); err != nil {
				return 0, fmt.Errorf("token %d %q: %w", i, tok, err2)
			}
			r, err := op(a, b)
			if err != nil {
				return 0, fmt.Errorf("token %d %q: %w", i, tok, err)
			}
			st.Push(r)
			continue
		}
		switch tok {
		case "dup":
			v, err := st.Pop()
			if err != nil {
				return 0, err
			}
			st.Push(v)
			st.Push(v)
		case "neg":
			v, err := st.Pop()
			if err != nil {
				return 0, err
			}
			st.Push(-v)
		default:
			v, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return 0, fmt.Errorf("bad token %q: %w", tok, err)
			}
			st.Push(v)
		}
	}
	if st.Len() != 1 {
		return 0, fmt.Errorf("expected 1 value on stack, found %d", st.Len())
	}
	return st.Pop()
}

func main() {
	exprs := []string{
		"3 4 +",
		"5 1 2 + 4 * + 3 -",
		"2 dup * dup *",
		"10 3 /",
		"1 0 /",
		"1 +",
		"1 2 3",
		"4 x *",
		"0.1 0.2 +",
		"7 neg 2 *",
		"",
	}
	for _, e := range exprs {
		v, err := eval(e)
		if err != nil {
			fmt.Printf("%-20q error: %v\n", e, err)
			continue
		}
		fmt.Printf("%-20q = %v\n", e, v)
	}
}
