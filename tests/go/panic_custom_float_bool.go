package main

import (
	"fmt"
	"os"
)

type Ratio float64
type Flag bool

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		fmt.Println("now panicking with a named bool")
		panic(Flag(true))
	}()
	fmt.Fprintln(os.Stdout, "panicking with main.Ratio(2.5)")
	panic(Ratio(2.5))
}
