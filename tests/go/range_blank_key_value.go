// Range loops whose key or value is the blank identifier, over every kind of
// range subject: `_` is neither copied nor loaded, and the loops still run
// once per element, rune, entry or received value.
package main

import "fmt"

type pair struct{ a, b int }

func main() {
	words := []string{"alpha", "beta", "gamma"}
	n := 0
	for _, w := range words {
		n += len(w)
	}
	count := 0
	for i, _ := range words {
		count += i
	}
	for range words {
		count++
	}
	fmt.Println(n, count)

	arr := [4]pair{{1, 2}, {3, 4}, {5, 6}, {7, 8}}
	sum := 0
	for _, p := range arr {
		sum += p.a * p.b
	}
	for i, _ := range arr {
		sum += i
	}
	fmt.Println(sum)

	s := "héllo, 世界"
	runes, last := 0, 0
	for _, r := range s {
		runes++
		last = int(r)
	}
	for i, _ := range s {
		last += i
	}
	fmt.Println(runes, last)

	m := map[string]int{"x": 1, "y": 2, "z": 3}
	total := 0
	for _, v := range m {
		total += v
	}
	keys := 0
	for k, _ := range m {
		keys += len(k)
	}
	fmt.Println(total, keys)

	ch := make(chan int, 3)
	ch <- 4
	ch <- 5
	ch <- 6
	close(ch)
	got := 0
	for range ch {
		got++
	}
	fmt.Println(got)

	// The key is blank but the value is a captured loop variable.
	var fs []func() int
	for _, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
