package main

import (
	"fmt"
	"os"
)

func validate(n int) error {
	if n < 0 {
		return fmt.Errorf("invalid value %d", n)
	}
	return nil
}

func main() {
	for _, n := range []int{3, 1, -4, 5} {
		if err := validate(n); err != nil {
			fmt.Fprintln(os.Stderr, "fatal:", err)
			os.Exit(4)
		}
		fmt.Println("valid:", n)
	}
	fmt.Println("not reached")
}
