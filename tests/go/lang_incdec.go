package main

import "fmt"

type counter struct{ n int }

func main() {
	i := 0
	i++
	i++
	i--
	fmt.Println("i =", i)
	var u8 uint8 = 255
	u8++
	fmt.Println("uint8 255++ =", u8)
	var i8 int8 = -128
	i8--
	fmt.Println("int8 -128-- =", i8)
	f := 0.5
	f++
	fmt.Println("float 0.5++ =", f)
	s := []int{1, 2, 3}
	s[1]++
	fmt.Println("slice elem ++:", s)
	m := map[string]int{}
	m["x"]++
	m["x"]++
	fmt.Println("map elem ++:", m["x"])
	c := &counter{}
	c.n++
	c.n++
	fmt.Println("field through pointer ++:", c.n)
	p := &i
	*p++
	fmt.Println("*p++ =", i)
}
