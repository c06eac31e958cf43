package main

import (
	"errors"
	"fmt"
)

type T struct{ n int }

func (t *T) String() string { return fmt.Sprint("T", t.n) }

type V struct{ n int }

func (v V) String() string { return "V" }

type P struct{}

func (P) String() string { panic("boom") }

type E struct{}

func (E) Error() string { panic(errors.New("inner")) }

type Bad struct{}

func (Bad) String() int { return 3 }

func main() {
	var t *T
	fmt.Println(t)
	fmt.Printf("[%10v] [%-6s] [%x]\n", t, t, t)
	var v *V
	fmt.Println(v)
	fmt.Println(P{}, E{})
	fmt.Printf("%d|%5v|\n", P{}, P{})
	s := fmt.Sprintf("%v", []any{t, P{}})
	fmt.Println(s)
	fmt.Println(Bad{})
	var x any = Bad{}
	_, ok := x.(fmt.Stringer)
	fmt.Println(ok)
	defer func() { fmt.Println("rec", recover()) }()
	var i []int
	fmt.Println(i[3])
}
