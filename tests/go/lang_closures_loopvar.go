package main

import "fmt"

func main() {
	// Go 1.22: each iteration has its own variable
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// modifying the loop variable inside the body affects the next iteration
	// (the value is copied into the new variable at the start of each iteration)
	var hs []func() int
	for i := 0; i < 6; i++ {
		hs = append(hs, func() int { return i })
		i++
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()

	// a variable declared outside the loop is shared
	var ks []func() int
	j := 0
	for j = 0; j < 3; j++ {
		ks = append(ks, func() int { return j })
	}
	for _, k := range ks {
		fmt.Print(k(), " ")
	}
	fmt.Println()
}
