package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	// the length is evaluated once: appending inside doesn't extend the loop
	for i, v := range s {
		s = append(s, v*10)
		fmt.Println("i", i, "v", v)
	}
	fmt.Println("after:", s)

	// a slice shares its backing array: writes before reaching an element are seen
	t := []int{1, 2, 3}
	for i, v := range t {
		if i+1 < len(t) {
			t[i+1] += v
		}
	}
	fmt.Println("prefix sums:", t)

	var empty []string
	for range empty {
		fmt.Println("never")
	}
	fmt.Println("nil slice range ok")

	words := []string{"go", "mini", "test"}
	for i := range words {
		words[i] = words[i] + "!"
	}
	fmt.Println(words)

	pts := []struct{ X int }{{1}, {2}}
	for _, p := range pts {
		p.X = 99 // copy
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].X *= 7
	}
	fmt.Println(pts)
}
