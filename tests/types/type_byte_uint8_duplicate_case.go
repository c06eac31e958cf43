package main

import "fmt"

func main() {
	var x any = byte(1)
	switch x.(type) {
	case uint8:
		fmt.Println("uint8")
	case byte:
		fmt.Println("byte")
	}
}
