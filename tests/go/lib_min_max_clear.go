package main

import "fmt"

func main() {
	fmt.Println("min ints:", min(3, 1, 2), "max ints:", max(3, 1, 2))
	fmt.Println("single arg:", min(5), max(5))
	fmt.Println("floats:", min(2.5, 1.5), max(2.5, -1.0))
	fmt.Println("mixed untyped:", min(1, 2.5), max(1, 2.5))
	fmt.Println("strings:", min("banana", "apple", "cherry"), max("banana", "apple", "cherry"))
	fmt.Println("empty string is smallest:", fmt.Sprintf("%q", min("a", "")))
	var a, b int8 = -128, 127
	fmt.Println("int8:", min(a, b), max(a, b))
	x, y := 10, 20
	m := min(x, y, 15)
	fmt.Printf("%T %v\n", m, m)
	const c = max(1, 2, 3) // constant expression
	fmt.Println("const max:", c)
	var u uint = 7
	fmt.Println("uint:", max(u, 3))
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println("cleared slice:", s, len(s))
	mp := map[string]int{"a": 1, "b": 2}
	clear(mp)
	fmt.Println("cleared map:", mp, len(mp))
	strs := []string{"x", "y"}
	clear(strs[1:])
	fmt.Printf("partially cleared: %q\n", strs)
	var nilMap map[int]int
	clear(nilMap)
	fmt.Println("clear nil map ok")
}
