package main

import "fmt"

func main() {
sw:
	switch {
	case true:
		for i := 0; i < 2; i++ {
			fmt.Println(i)
			continue sw
		}
	}
}
