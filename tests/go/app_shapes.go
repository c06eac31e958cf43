package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
	fmt.Stringer
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Square struct{ Rect }
type Triangle struct{ A, B, C float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(r=%g)", c.R) }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

func NewSquare(s float64) Square { return Square{Rect{s, s}} }
func (s Square) String() string  { return fmt.Sprintf("Square(%g)", s.W) }

func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t Triangle) String() string { return fmt.Sprintf("Triangle(%g,%g,%g)", t.A, t.B, t.C) }

type ValidationError struct {
	Shape  string
	Reason string
}

func (e *ValidationError) Error() string { return e.Shape + ": " + e.Reason }

var ErrNegative = errors.New("negative dimension")

func validate(s Shape) error {
	switch v := s.(type) {
	case Circle:
		if v.R < 0 {
			return fmt.Errorf("circle: %w", ErrNegative)
		}
	case Triangle:
		if v.A+v.B <= v.C || v.A+v.C <= v.B || v.B+v.C <= v.A {
			return &ValidationError{v.String(), "violates the triangle inequality"}
		}
	case Square:
		if v.W <= 0 {
			return &ValidationError{"square", "side must be positive"}
		}
	}
	return nil
}

func main() {
	shapes := []Shape{
		Circle{1}, Rect{3, 4}, NewSquare(2), Triangle{3, 4, 5},
		Circle{-1}, Triangle{1, 2, 10}, NewSquare(0),
	}
	var valid []Shape
	for _, s := range shapes {
		if err := validate(s); err != nil {
			var ve *ValidationError
			switch {
			case errors.Is(err, ErrNegative):
				fmt.Println("rejected (negative):", err)
			case errors.As(err, &ve):
				fmt.Println("rejected (validation):", ve.Reason, "|", err)
			}
			continue
		}
		valid = append(valid, s)
	}
	sort.Slice(valid, func(i, j int) bool { return valid[i].Area() < valid[j].Area() })
	var total float64
	for _, s := range valid {
		fmt.Printf("%-18v area=%8.4f perimeter=%8.4f\n", s, s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total area: %.3f\n", total)
	fmt.Println(valid)
	sq := NewSquare(3)
	fmt.Println(sq, sq.Rect, sq.Area())
	fmt.Printf("%v %+v\n", sq.Rect, sq)
}
