package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		panic(errors.New("third (an error)"))
	}()
	defer func() {
		panic(fmt.Sprintf("second after %d", 1))
	}()
	defer fmt.Println("plain defer runs between the panics")
	panic("first")
}
