// maps: int-keyed map; 1,000,000 inserts then 1,000,000 lookups (a third of them hit), prints a checksum.
package main

import "fmt"

func main() {
	n := 1000000
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*3] = i
	}
	hits, sum := 0, 0
	for i := 0; i < n; i++ {
		if v, ok := m[i]; ok {
			hits++
			sum += v
		}
	}
	fmt.Println(len(m), hits, sum)
}
