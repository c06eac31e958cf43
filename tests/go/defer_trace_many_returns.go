package main

import "fmt"

// 8 returns times 2 defers is more than 15: Go does not open-code them, and
// the trace shows the closing brace.
func classify(x int) {
	defer func() { panic(fmt.Sprint("classified ", x)) }()
	defer fmt.Println("done")
	if x == 1 {
		fmt.Println("one")
		return
	}
	if x == 2 {
		fmt.Println("two")
		return
	}
	if x == 3 {
		fmt.Println("three")
		return
	}
	if x == 4 {
		fmt.Println("four")
		return
	}
	if x == 5 {
		fmt.Println("five")
		return
	}
	if x == 6 {
		fmt.Println("six")
		return
	}
	if x == 7 {
		fmt.Println("seven")
		return
	}
	fmt.Println("many")
	return
}

func main() {
	classify(3)
}
