package main

import "fmt"

func main() {
	c := complex(1, 2)
	fmt.Println(c, real(c), imag(c))
}
