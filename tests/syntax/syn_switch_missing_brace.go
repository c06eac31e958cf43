package main

import "fmt"

func main() {
	switch x := 3; x
	case 3:
		fmt.Println(x)
	}
}
