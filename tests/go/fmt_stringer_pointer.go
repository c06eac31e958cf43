package main

import (
	"errors"
	"fmt"
)

type Vec struct{ X, Y int }

func (v *Vec) String() string { return fmt.Sprintf("Vec(%d,%d)", v.X, v.Y) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f deg", float64(t)) }

type Wrapper struct {
	T Temp
	V Vec
	P *Vec
}

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Status struct {
	Err  error
	Name string
}

func main() {
	v := Vec{1, 2}
	fmt.Println(v, &v)
	fmt.Printf("%v %v %s %+v\n", v, &v, &v, v)
	fmt.Println([]Vec{{1, 1}}, []*Vec{{2, 2}})
	fmt.Println(Wrapper{T: 36.6, V: Vec{3, 4}})
	fmt.Printf("%+v\n", Wrapper{T: 1})
	fmt.Println(map[string]Temp{"k": 20})
	fmt.Println(Code(404), []error{Code(1), errors.New("plain")})
	fmt.Printf("%v %d %s\n", Code(5), Code(5), Code(5))
	fmt.Println(Status{Code(500), "server"})
	var np *Vec
	fmt.Println("nil pointer with String method:", np == nil)
	fmt.Printf("%v\n", []any{Temp(1), Code(2), &Vec{5, 6}})
}
