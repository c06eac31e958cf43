package main

import "fmt"

func main() {
	s := make([]int, 5, 5)
	i, j, k := 1, 3, 2
	fmt.Println("s[1:3:4] cap:", cap(s[1:3:4]))
	fmt.Println(s[i:j:k])
}
