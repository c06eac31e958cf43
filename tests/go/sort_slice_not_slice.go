package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"ann": 31, "bob": 27}
	fmt.Println("sorting", len(ages), "ages")
	// A map is not a slice: sort.Slice panics before calling less.
	sort.Slice(ages, func(i, j int) bool { return false })
	fmt.Println("unreached")
}
