// recover, called by a deferred function, stops the panic and returns the
// value that was passed to panic.
package main

import "fmt"

func safeDivide(a, b int) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
	}()
	fmt.Println(safeDivide(10, 2))
	fmt.Println(safeDivide(1, 0))
	panic("the value given to panic")
}
