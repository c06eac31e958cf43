package main

import (
	"errors"
	"fmt"
)

type Celsius float64

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d (doubled %d)", x, x*2)
	case int8, int16:
		return fmt.Sprintf("small int %v of type %T", x, x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	case Celsius:
		return fmt.Sprintf("%.1f degrees", float64(x))
	case error:
		return "error: " + x.Error()
	case Shape:
		return fmt.Sprint("shape with area ", x.Area())
	case []int:
		return fmt.Sprint("int slice len ", len(x))
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 42, int8(-3), int16(7), "hello", true, false, Celsius(21.5),
		errors.New("boom"), Sq{3}, []int{1, 2}, func() int { return 9 }, 3.14, map[string]int{}}
	for _, v := range vals {
		fmt.Println(kind(v))
	}
	// type switch without binding
	var e error
	switch e.(type) {
	case nil:
		fmt.Println("nil error interface")
	}
	var sp *Sq
	var sh Shape = sp
	switch sh.(type) {
	case nil:
		fmt.Println("nil")
	case *Sq:
		fmt.Println("typed nil pointer *Sq is not nil")
	}
}
