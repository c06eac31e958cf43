package main

import (
	"fmt"
	"math"
)

func main() {
	x := math
	fmt.Println(x)
}
