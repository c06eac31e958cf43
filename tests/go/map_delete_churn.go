// Maps under churn: deletes while inserting (tombstones), range with delete and insert, clear, int keys far apart, string keys.
package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 200000; i++ {
		m[i] = i
		if i >= 100 {
			delete(m, i-100)
		}
	}
	s := 0
	for k, v := range m {
		s += k - v
	}
	fmt.Println(len(m), s)
	for k := range m {
		delete(m, k)
		m[k+1000000] = 1
	}
	fmt.Println(len(m))
	clear(m)
	m[3] = 3
	fmt.Println(m, len(m))
	big := map[int64]bool{}
	for i := int64(0); i < 100000; i++ {
		big[i<<40] = true
		big[-i] = true
	}
	fmt.Println(len(big), big[99999<<40], big[-99999], big[1])
	str := map[string]int{}
	for i := 0; i < 100000; i++ {
		str[fmt.Sprint(i)] = i
	}
	for i := 0; i < 100000; i += 3 {
		delete(str, fmt.Sprint(i))
	}
	fmt.Println(len(str), str["99998"], str["99999"])
}
