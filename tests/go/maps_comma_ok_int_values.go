// Comma-ok lookups on maps of ints (absent keys, nil maps, unsigned values), strings, NaN
// keys, struct keys, keys far apart (1<<40 steps), interface keys; == and != in if tests.
package main

import (
	"fmt"
	"math"
)

type P struct{ x, y int }

func main() {
	m := map[int]int{1: 10, 2: 20}
	v, ok := m[1]
	fmt.Println(v, ok)
	v, ok = m[3]
	fmt.Println(v, ok)
	var nm map[int]int
	v, ok = nm[1]
	fmt.Println(v, ok)
	u := map[int]uint8{1: 255}
	b, ok2 := u[1]
	c, ok3 := u[9]
	fmt.Println(b, ok2, c, ok3)
	s := map[string]int{"a": 1}
	if x, ok := s["a"]; ok {
		fmt.Println("a", x)
	}
	if x, ok := s["b"]; !ok {
		fmt.Println("no b", x)
	}
	f := map[float64]string{math.NaN(): "nan", 1.5: "x"}
	_, okn := f[math.NaN()]
	fmt.Println(len(f), okn, f[1.5])
	f[math.NaN()] = "again"
	fmt.Println(len(f))
	pm := map[P]int{{1, 2}: 3}
	pv, pok := pm[P{1, 2}]
	fmt.Println(pv, pok)
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i<<40] = i
		big[-i] = -i
	}
	sum := 0
	for i := 0; i < 1000; i++ {
		if w, ok := big[i<<40]; ok {
			sum += w
		}
		sum += big[-i]
	}
	delete(big, 5<<40)
	_, gone := big[5<<40]
	fmt.Println(len(big), sum, gone)
	mixed := map[interface{}]int{1: 1, "1": 2}
	mixed[2] = 3
	w1, o1 := mixed[1]
	w2, o2 := mixed["1"]
	fmt.Println(w1, o1, w2, o2, len(mixed))
	eq := 0
	strs := []string{"delta", "x", "delta", "longer string value here"}
	for _, s := range strs {
		if s == "delta" {
			eq++
		}
		if s != "longer string value here" {
			eq += 10
		}
	}
	fmt.Println(eq)
}
