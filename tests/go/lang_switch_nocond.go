package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func main() {
	for _, s := range []int{95, 85, 72, 10, 90} {
		fmt.Println(s, grade(s))
	}
	x := 15
	switch y := x % 4; {
	case y == 3 && x > 10:
		fmt.Println("y is 3 and x > 10")
	case y == 3:
		fmt.Println("y is 3")
	}
	switch {
	}
	fmt.Println("empty switch ok")
}
