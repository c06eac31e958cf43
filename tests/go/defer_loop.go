package main

import "fmt"

func countdown(n int) {
	for i := 0; i < n; i++ {
		defer fmt.Println("deferred i =", i)
	}
	fmt.Println("loop done, n =", n)
}

func main() {
	countdown(4)
	fmt.Println("---")
	for _, s := range []string{"a", "b", "c"} {
		func() {
			defer fmt.Println("inner defer for", s)
			fmt.Println("working on", s)
		}()
	}
}
