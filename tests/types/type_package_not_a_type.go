package main

import (
	"fmt"
	"math"
)

func main() {
	var x math
	fmt.Println(x)
}
