package main

import "fmt"

// `n = prev[n]`: the map read's result goes to the variable that is its key.
func main() {
	prev := map[string]string{"a": "", "b": "a", "c": "b"}
	var path []string
	for n := "c"; n != ""; n = prev[n] {
		path = append([]string{n}, path...)
	}
	fmt.Println(path)
	next := map[int]int{1: 2, 2: 3, 3: 0}
	i, steps := 1, 0
	for i != 0 {
		i = next[i]
		steps++
	}
	fmt.Println(i, steps)
	k := "missing"
	k = prev[k]
	fmt.Printf("%q\n", k)
	m := map[string]int{"x": 1}
	x := "x"
	var v int
	v, x = m[x], "y"
	fmt.Println(v, x)
}
