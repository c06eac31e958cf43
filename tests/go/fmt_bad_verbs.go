package main

import "fmt"

type T struct{ A int }

func main() {
	fmt.Printf("missing: %d %d\n", 1)
	fmt.Printf("extra: %d\n", 1, 2, "three")
	fmt.Printf("no verbs\n", 42)
	fmt.Printf("wrong type: %d %s %t %f\n", "str", 3, 1, "x")
	fmt.Printf("bad verb: %z %!\n", 5, 6)
	fmt.Printf("nil: %d %s %v\n", nil, nil, nil)
	fmt.Printf("struct with bad verb: %s\n", T{1})
	fmt.Printf("trailing percent: 100%")
	fmt.Println()
	fmt.Printf("star without int: %*d\n", "x", 5)
	fmt.Printf("huge width ignored? [%-3d]\n", 12345)
	fmt.Printf("%!d(string=hi) looks like an error but is literal? %s\n", "ok")
	s := fmt.Sprintf("%d%%", 50)
	fmt.Println(s)
	fmt.Printf("arg index: %[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("bad arg index: %[5]d\n", 1)
	fmt.Printf("%v %v\n", []any{nil}, map[string]any{"k": nil})
}
