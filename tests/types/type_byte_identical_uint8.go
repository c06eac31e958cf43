package main

import "fmt"

func main() {
	var b byte = 1
	var u uint8 = b
	bs := []byte{1}
	var us []uint8 = bs
	var r rune = 2
	var i int32 = r
	var i8 int8 = b
	fmt.Println(u, us, i, i8)
}
