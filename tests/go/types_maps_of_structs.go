package main

import (
	"fmt"
	"sort"
)

type Stats struct {
	Count int
	Sum   float64
}

func (s Stats) Mean() float64 { return s.Sum / float64(s.Count) }

func main() {
	data := []struct {
		key string
		val float64
	}{{"a", 1}, {"b", 10}, {"a", 3}, {"c", 5}, {"b", 20}, {"a", 5}}
	// map of values: must copy out, modify, write back
	byVal := map[string]Stats{}
	for _, d := range data {
		s := byVal[d.key]
		s.Count++
		s.Sum += d.val
		byVal[d.key] = s
	}
	// map of pointers: modify in place
	byPtr := map[string]*Stats{}
	for _, d := range data {
		if byPtr[d.key] == nil {
			byPtr[d.key] = &Stats{}
		}
		byPtr[d.key].Count++
		byPtr[d.key].Sum += d.val
	}
	keys := make([]string, 0, len(byVal))
	for k := range byVal {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %+v mean=%.2f | ptr: %+v\n", k, byVal[k], byVal[k].Mean(), *byPtr[k])
	}
	fmt.Println(byVal)
	fmt.Println(byVal["missing"], byVal["missing"].Count)
	// map values of slice type can be appended to via assignment
	idx := map[byte][]string{}
	for _, w := range []string{"apple", "avocado", "banana", "blueberry", "cherry"} {
		idx[w[0]] = append(idx[w[0]], w)
	}
	fmt.Println(idx, len(idx['a']))
	// nested map counting
	pairs := map[string]map[string]int{}
	for _, p := range [][2]string{{"x", "y"}, {"x", "z"}, {"x", "y"}, {"w", "y"}} {
		inner, ok := pairs[p[0]]
		if !ok {
			inner = map[string]int{}
			pairs[p[0]] = inner
		}
		inner[p[1]]++
	}
	fmt.Println(pairs)
}
