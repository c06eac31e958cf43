package main

import (
	"fmt"
)

type S struct{ A int }

func main() {
	var ip *int
	var sp *S
	var sl []int
	var m map[string]int
	var f func()
	var i any
	var e error
	fmt.Println(sl, m, i, e)
	fmt.Println(ip == nil, sp == nil, f == nil)
	fmt.Printf("%v %v %v\n", sp, i, e)
	fmt.Printf("%+v %#v\n", sp, sp)
	fmt.Printf("%d %s %q\n", sl, sl, sl)
	fmt.Printf("%v %d\n", m, m)
	fmt.Printf("%#v %#v %#v %#v\n", sl, m, i, e)
	fmt.Printf("%s\n", e)
	fmt.Printf("%T %T %T\n", sp, i, e)
	var ss []string
	fmt.Printf("[%s] [%v] [%q]\n", ss, ss, ss)
	fmt.Println([]*S{nil, nil})
	fmt.Println(struct {
		P *S
		E error
	}{})
	fmt.Printf("%v\n", [2]any{})
	fmt.Printf("%10v|%-10v|\n", nil, nil)
}
