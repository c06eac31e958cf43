package main

import "fmt"

type Key struct {
	A int
	B string
}

func main() {
	fmt.Println(map[string]int{"zebra": 1, "apple": 2, "mango": 3, "Banana": 4})
	fmt.Println(map[int]string{10: "ten", -5: "minus five", 3: "three", 0: "zero"})
	fmt.Println(map[float64]bool{2.5: true, -1: false, 0: true, 1e10: false})
	fmt.Println(map[bool]string{true: "yes", false: "no"})
	fmt.Println(map[rune]int{'b': 2, 'a': 1, 'c': 3})
	fmt.Println(map[Key]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 2}: "y", {1, 1}: "z"})
	fmt.Printf("%v\n", map[string][]int{"b": {2}, "a": {1, 1}})
	fmt.Printf("%+v\n", map[string]Key{"k": {1, "x"}})
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%#v\n", map[Key]bool{{1, "z"}: true})
	fmt.Println(map[string]map[string]int{"outer2": {"y": 2, "x": 1}, "outer1": {"q": 0}})
	fmt.Println(map[string]int{})
	var nilm map[string]int
	fmt.Println(nilm)
	fmt.Printf("%d\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%x\n", map[int]int{255: 16})
	fmt.Println(map[uint8]int{200: 1, 3: 2, 100: 3})
	fmt.Println(map[int8]int{-100: 1, 100: 2, 0: 3})
	// interface keys are sorted by type first, then value
	fmt.Println(map[any]int{"b": 1, 2: 2, "a": 3, 1: 4, 1.5: 5, false: 6})
	ptrKeyMap := map[*int]int{nil: 7}
	fmt.Println(ptrKeyMap)
}
