package main

import "fmt"

func main() {
	total := 0
	func() {
		for i := 1; i <= 1000; i++ {
			defer func() { total += i }()
		}
	}()
	fmt.Println("total from 1000 defers:", total)
	order := []int{}
	func() {
		for i := 0; i < 5; i++ {
			defer func() { order = append(order, i) }()
		}
	}()
	fmt.Println("order:", order)
}
