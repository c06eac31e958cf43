package main

import "fmt"

func main() {
	x := []int{1, 2, 3}
	x = append(x, 4, 5, 6, 7)
	fmt.Println(x, len(x), cap(x))
	y := make([]string, 1, 1)
	y = append(y, "a", "b", "c", "d", "e")
	fmt.Println(y, len(y), cap(y))
	z := []byte("ab")
	z = append(z, 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5', '6')
	fmt.Println(string(z), len(z), cap(z))
	w := x[:2]
	w = append(w, 9, 9)
	fmt.Println(x, w)
}
