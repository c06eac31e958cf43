package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface{ Name() string }

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (r Rect) Name() string        { return "rect" }
func (c Circle) Area() float64     { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string      { return "circle" }

type byArea []Shape

func main() {
	shapes := []NamedShape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		fmt.Printf("%-6s area=%.3f perim=%.3f\n", s.Name(), s.Area(), s.Perimeter())
	}
	var sh Shape = shapes[0] // NamedShape -> Shape
	fmt.Printf("%T %v\n", sh, sh)
	var n Named = shapes[1]
	fmt.Println(n.Name())
	var anything any = sh
	if ns, ok := anything.(NamedShape); ok {
		fmt.Println("back to NamedShape:", ns.Name())
	}
	var st fmt.Stringer = &strings.Builder{}
	fmt.Printf("%T %q\n", st, st.String())
	var e error = fmt.Errorf("wrapped: %d", 5)
	fmt.Println(e.Error())
	vals := []any{1, "a", nil, 2.5, []int{1}, struct{}{}}
	fmt.Println(vals...)
	fmt.Println(len(vals), vals)
	empty := struct{}{}
	fmt.Printf("%v %+v %T\n", empty, empty, empty)
}
