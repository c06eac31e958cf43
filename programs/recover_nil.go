// recover returns nil when there is no panic, and also when it is not called
// directly by the deferred function (here: from a helper), so the panic goes on.
package main

import "fmt"

func helper() {
	fmt.Println("recover in a helper returns:", recover())
}

func noPanic() {
	defer func() {
		fmt.Println("recover without a panic returns:", recover())
	}()
	fmt.Println("noPanic returns normally")
}

func main() {
	noPanic()
	defer func() {
		helper() // does NOT stop the panic
	}()
	panic("still panicking")
}
