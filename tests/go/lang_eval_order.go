package main

import "fmt"

var trace []string

func t(name string, v int) int {
	trace = append(trace, name)
	return v
}

func three(a, b, c int) int { return a + b + c }

func main() {
	_ = three(t("a", 1), t("b", 2), t("c", 3))
	fmt.Println("args:", trace)
	trace = nil
	_ = t("x", 1) + t("y", 2)*t("z", 3)
	fmt.Println("operands:", trace)
	trace = nil
	s := []int{t("e0", 0), t("e1", 1)}
	fmt.Println("literal elements:", trace, s)
	trace = nil
	m := map[int]int{}
	m[t("key", 1)] = t("value", 2)
	fmt.Println("map assignment:", trace)
	trace = nil
	arr := []int{0, 0, 0}
	arr[t("i", 0)], arr[t("j", 1)] = t("v1", 5), t("v2", 6)
	fmt.Println("tuple assignment:", trace, arr)
	trace = nil
	fmt.Println("println args:", t("p", 1), t("q", 2))
	fmt.Println("trace of println:", trace)
}
