// sort.Slice wants a slice (nil pointers, maps and funcs included are refused by
// reflectlite.Swapper), while sort.SliceIsSorted takes anything with a length
// (reflectlite.Value.Len: arrays, strings, maps, channels); both panic with a
// *reflectlite.ValueError naming the kind, and an uncaught one ends the program.
package main

import (
	"fmt"
	"sort"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T %v\n", name, r, r)
	}()
	f()
}

func main() {
	less := func(i, j int) bool { return i > j }
	var np *int
	var nm map[int]int
	var nc chan int
	var nf func()
	var ns []int
	var e error
	try("sorted nil", func() { fmt.Println(sort.SliceIsSorted(nil, less)) })
	try("sorted string", func() { fmt.Println(sort.SliceIsSorted("abc", less)) })
	try("sorted map", func() { fmt.Println(sort.SliceIsSorted(map[int]int{1: 1, 2: 2}, less)) })
	try("sorted nil map", func() { fmt.Println(sort.SliceIsSorted(nm, less)) })
	try("sorted array", func() { fmt.Println(sort.SliceIsSorted([2]int{}, less)) })
	try("sorted array pointer", func() { fmt.Println(sort.SliceIsSorted(&[3]int{}, less)) })
	try("sorted nil pointer", func() { fmt.Println(sort.SliceIsSorted(np, less)) })
	try("sorted chan", func() { fmt.Println(sort.SliceIsSorted(make(chan int, 2), less)) })
	try("sorted nil chan", func() { fmt.Println(sort.SliceIsSorted(nc, less)) })
	try("sorted nil slice", func() { fmt.Println(sort.SliceIsSorted(ns, less)) })
	try("sorted func", func() { fmt.Println(sort.SliceIsSorted(nf, less)) })
	try("sorted struct", func() { fmt.Println(sort.SliceIsSorted(struct{}{}, less)) })
	try("sorted uint8", func() { fmt.Println(sort.SliceIsSorted(uint8(1), less)) })
	try("slice nil", func() { sort.Slice(nil, less) })
	try("slice nil pointer", func() { sort.Slice(np, less) })
	try("slice nil map", func() { sort.Slice(nm, less) })
	try("slice nil func", func() { sort.Slice(nf, less) })
	try("slice nil error", func() { sort.Slice(e, less) })
	try("slice nil slice", func() { sort.Slice(ns, less) })
	try("stable nil pointer", func() { sort.SliceStable(np, less) })
	try("stable string", func() { sort.SliceStable("ab", less) })
	var err error
	func() {
		defer func() { err = recover().(error) }()
		sort.Slice(map[string]int{}, less)
	}()
	fmt.Printf("%T %q\n", err, err.Error())
	sort.SliceIsSorted(3.5, less)
}
