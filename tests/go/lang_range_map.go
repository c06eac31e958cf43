package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25, "dave": 35}
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	total := 0
	for _, v := range ages {
		total += v
	}
	fmt.Println("total age:", total)
	// deleting during range is allowed
	for k, v := range ages {
		if v < 32 {
			delete(ages, k)
		}
	}
	fmt.Println("after delete:", ages)
	var nilMap map[int]bool
	for k := range nilMap {
		fmt.Println("never", k)
	}
	byLen := map[int][]string{}
	for _, w := range []string{"a", "bb", "cc", "d", "eee"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)
}
