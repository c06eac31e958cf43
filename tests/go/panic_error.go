package main

import (
	"errors"
	"fmt"
)

func main() {
	err := errors.New("disk full")
	fmt.Println("panicking with an error value")
	panic(err)
}
