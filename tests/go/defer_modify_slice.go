package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	arr := [3]int{1, 2, 3}
	defer fmt.Println("slice arg (shares backing array):", s)
	defer fmt.Println("array arg (copied):", arr)
	p := &arr
	defer fmt.Println("pointer arg deref later:", *p)
	defer func() { fmt.Println("closure sees array:", arr) }()
	s[0] = 100
	arr[0] = 100
	fmt.Println("mutated both")
}
