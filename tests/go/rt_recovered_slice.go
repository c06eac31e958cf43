package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-10s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "hello"
	arr := [4]int{}
	n0, n1, n2, n3, n5, n6, n7, n10 := 0, 1, 2, 3, 5, 6, 7, 10
	_ = n0
	try("[:7]", func() { _ = s[:n7] })
	try("[3:2]", func() { _ = s[n3:n2] })
	try("[6:]", func() { _ = s[n6:] })
	try("[5:]", func() { _ = s[n5:] })
	try("[4:]", func() { _ = s[4:] })
	try("str[:10]", func() { _ = str[:n10] })
	try("str[6:]", func() { _ = str[n6:] })
	try("str[3:1]", func() { _ = str[n3:n1] })
	try("arr[:5]", func() { _ = arr[:n5] })
	try("[:3:6]", func() { _ = s[:n3:n6] })
	try("[:5:3]", func() { _ = s[:n5:n3] })
	try("[3:1:4]", func() { _ = s[n3:n1:4] })
	try("[1:2:0]", func() { _ = s[n1:n2:n0] })
	try("ok [1:5]", func() { _ = s[n1:n5] })
}
