package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("this deferred line is NOT printed")
	fmt.Println("calling os.Exit(3)")
	os.Exit(3)
}
