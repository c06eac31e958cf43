package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-14s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	s := []int{10, 20, 30}
	a := [2]bool{}
	str := "abc"
	i := 5
	neg := -1
	try("slice[5]", func() { _ = s[i] })
	try("slice[-1]", func() { _ = s[neg] })
	try("array[5]", func() { _ = a[i] })
	try("string[5]", func() { _ = str[i] })
	try("empty[0]", func() { var e []string; _ = e[0] })
	try("write s[3]", func() { s[len(s)] = 1 })
	try("ok s[2]", func() { _ = s[2] })
}
