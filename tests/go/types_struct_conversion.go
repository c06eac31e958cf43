package main

import "fmt"

type Celsius struct{ Deg float64 }
type Fahrenheit struct{ Deg float64 }
type PointA struct{ X, Y int }
type PointB struct{ X, Y int }

func main() {
	c := Celsius{100}
	f := Fahrenheit(c) // identical underlying types convert
	fmt.Printf("%v %T\n", f, f)
	a := PointA{1, 2}
	b := PointB(a)
	b.X = 9
	fmt.Println(a, b)
	anon := struct{ X, Y int }{3, 4}
	a = anon // assignable: identical underlying type, one side unnamed
	fmt.Println(a)
	type IDs []int
	ids := IDs([]int{1, 2})
	raw := []int(ids)
	raw[0] = 7 // same backing array
	fmt.Println(ids, raw)
	type Str string
	var s Str = "x"
	fmt.Println(string(s)+"y", Str("a") < Str("b"))
	type Fn func() int
	var fn Fn = func() int { return 3 }
	plain := (func() int)(fn)
	fmt.Println(plain())
}
