// Constants next to a shift of an untyped constant by a variable take the context's type too: integral floats become integers, large values keep every bit.
package main

import "fmt"

func main() {
	e := uint(3)
	var a uint8 = 1<<e + 2.0
	var b uint64 = 1<<e + 1e19
	c := uint32(1<<e * 2.0)
	var d uint64 = 1<<e | 1<<63
	var f int64 = 1<<e | -1<<63
	var g int16 = 1<<e - 32767
	fmt.Println(a, b, c, d, f, g)
	fmt.Printf("%T %T %T\n", a, c, g)
}
