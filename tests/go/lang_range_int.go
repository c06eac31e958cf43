package main

import "fmt"

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	for range n {
		fmt.Print("x")
	}
	fmt.Println()
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -2 {
		fmt.Println("never", i)
	}
	var u8 uint8 = 4
	for i := range u8 {
		fmt.Printf("%T %v\n", i, i)
	}
	type Count int
	for c := range Count(2) {
		fmt.Printf("%T %v\n", c, c)
	}
	// changing n inside the loop does not change the iteration count
	m := 3
	for i := range m {
		m = 100
		fmt.Println("i =", i, "m =", m)
	}
	total := 0
	for i := range 101 {
		total += i
	}
	fmt.Println("total:", total)
}
