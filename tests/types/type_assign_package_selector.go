package main

import (
	"fmt"
	"math"
)

func main() {
	math.Pi = 3
	fmt.Println(math.Pi)
}
