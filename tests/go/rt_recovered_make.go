package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-20s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	neg, two, five := -1, 2, 5
	try("make([]int, -1)", func() { _ = make([]int, neg) })
	try("make([]int, 5, 2)", func() { _ = make([]int, five, two) })
	try("make([]int, 0, -1)", func() { _ = make([]int, 0, neg) })
	try("make(chan int, -1)", func() { _ = make(chan int, neg) })
	try("make(map, -1)", func() { m := make(map[int]int, neg); fmt.Println("map ok, len", len(m)) })
	try("[4]int(slice3)", func() { s := []int{1, 2, 3}; _ = [4]int(s) })
	try("*[4]int(slice3)", func() { s := []int{1, 2, 3}; _ = (*[4]int)(s) })
}
