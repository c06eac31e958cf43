package main

import "fmt"

var x = "package x"

func show() { fmt.Println("show sees:", x) }

func main() {
	fmt.Println(x)
	x := "main x"
	fmt.Println(x)
	show()
	{
		x := "block x"
		fmt.Println(x)
		{
			x = "block x modified"
			fmt.Println(x)
		}
		fmt.Println(x)
	}
	fmt.Println(x)
	for x := 0; x < 2; x++ {
		fmt.Println("loop x", x)
	}
	if x := 3.5; x > 1 {
		fmt.Println("if x", x)
	} else {
		fmt.Println("else sees x", x)
	}
	switch x := true; x {
	case true:
		fmt.Println("switch x", x)
	}
	fmt.Println("still", x)
	// the predeclared identifiers can be shadowed
	len := func(s string) int { return 42 }
	fmt.Println("shadowed len:", len("abc"))
	true := false
	fmt.Println("shadowed true:", true)
	type int = string
	var y int = "int is string here"
	fmt.Println(y)
}
