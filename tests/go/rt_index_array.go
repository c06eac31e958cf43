package main

import "fmt"

func at(a [4]string, i int) string {
	return a[i]
}

func main() {
	a := [4]string{"a", "b", "c", "d"}
	fmt.Println("a[3] =", at(a, 3))
	fmt.Println("a[4] =", at(a, 4))
}
