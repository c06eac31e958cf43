package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := strconv.Atoi("1") + 1
	fmt.Println(n)
}
