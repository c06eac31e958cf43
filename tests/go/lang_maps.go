package main

import "fmt"

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	fmt.Println(m, len(m))
	v, ok := m["two"]
	fmt.Println("two:", v, ok)
	v, ok = m["four"]
	fmt.Println("four:", v, ok)
	delete(m, "one")
	delete(m, "not there") // no-op
	fmt.Println("after delete:", m)
	var nm map[string]int
	fmt.Println("nil map read:", nm["x"], len(nm))
	delete(nm, "x") // no-op on nil map
	counts := make(map[rune]int)
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	fmt.Printf("%c=%d %c=%d\n", 's', counts['s'], 'p', counts['p'])
	type key struct{ x, y int }
	grid := map[key]string{}
	grid[key{1, 2}] = "a"
	grid[key{1, 2}] += "b"
	fmt.Println(grid[key{1, 2}], len(grid))
	groups := map[string][]int{}
	groups["even"] = append(groups["even"], 2, 4)
	groups["odd"] = append(groups["odd"], 1)
	fmt.Println(groups)
	// maps are references
	alias := m
	alias["two"] = 22
	fmt.Println("through alias:", m["two"])
	nested := map[string]map[string]bool{}
	if nested["a"] == nil {
		nested["a"] = map[string]bool{}
	}
	nested["a"]["b"] = true
	fmt.Println(nested)
	structs := map[int]struct{ N int }{1: {10}}
	s := structs[1]
	s.N++
	structs[1] = s
	fmt.Println(structs)
	fm := map[float64]string{0.5: "half", 2: "two"}
	fmt.Println(fm)
	bm := map[bool]int{true: 1, false: 0}
	fmt.Println(bm)
	sizeHint := make(map[int]int, 100)
	fmt.Println("len of make with hint:", len(sizeHint))
}
