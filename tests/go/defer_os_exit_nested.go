package main

import (
	"fmt"
	"os"
)

func cleanup(name string) { fmt.Println("cleanup", name) }

func work() {
	defer cleanup("work")
	func() {
		defer cleanup("inner")
		fmt.Println("inner body")
	}()
	fmt.Println("exiting with 0 from work")
	os.Exit(0)
}

func main() {
	defer cleanup("main")
	work()
}
