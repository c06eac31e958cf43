package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	ints := []int{5, 2, 8, -1, 0, 2, 9}
	sort.Ints(ints)
	fmt.Println(ints)
	strs := []string{"pear", "apple", "fig", "Banana", "apple"}
	sort.Strings(strs)
	fmt.Println(strs)
	var empty []int
	sort.Ints(empty)
	fmt.Println(empty, len(empty))
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}, {"Eve", 30}}
	sort.Slice(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Println("by name desc:", people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println("stable by age:", people)
	words := []string{"ccc", "a", "bb", "dd", "e", "fff"}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println("stable by len:", words)
	// sort by multiple keys
	type kv struct {
		K string
		V int
	}
	pairs := []kv{{"b", 2}, {"a", 2}, {"c", 1}, {"d", 3}}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].V != pairs[j].V {
			return pairs[i].V > pairs[j].V
		}
		return pairs[i].K < pairs[j].K
	})
	fmt.Println(pairs)
	fs := []float64{2.5, -1, 3.25, 0}
	sort.Slice(fs, func(i, j int) bool { return fs[i] < fs[j] })
	fmt.Println(fs)
	sub := []int{9, 8, 7, 6, 5, 4}
	sort.Ints(sub[1:4])
	fmt.Println("sorted middle:", sub)
}
