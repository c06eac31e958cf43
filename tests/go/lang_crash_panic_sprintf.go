package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic(fmt.Sprintf("value %d too large (max %d)", n, 2))
	}
	fmt.Println("checked", n)
}

func main() {
	for i := range 5 {
		check(i)
	}
}
