package main

import "fmt"

// save returns explicitly; its first deferred call, which runs last, panics.
// Go's trace shows save at the `return`, where the deferred calls run.
func save(name string) {
	defer func() {
		panic("close failed for " + name)
	}()
	defer fmt.Println("flushing", name)
	fmt.Println("saving", name)
	return
}

func main() {
	save("notes.txt")
	fmt.Println("unreached")
}
