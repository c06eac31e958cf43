package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%-12s -> %v\n", name, recover())
	}()
	f()
}

func main() {
	zero := 0
	var z8 int8
	var zu uint
	sh := -3
	try("int / 0", func() { _ = 10 / zero })
	try("int % 0", func() { _ = 10 % zero })
	try("int8 / 0", func() { _ = int8(1) / z8 })
	try("uint % 0", func() { _ = uint(5) % zu })
	try("1 << -3", func() { _ = 1 << sh })
	try("float / 0", func() { f := 1.0 / float64(zero); fmt.Println("float result:", f) })
}
