package main

import "fmt"

func main() {
	x := 100
	x += 5
	fmt.Println("+= 5:", x)
	x -= 10
	fmt.Println("-= 10:", x)
	x *= 3
	fmt.Println("*= 3:", x)
	x /= 7
	fmt.Println("/= 7:", x)
	x %= 11
	fmt.Println("%= 11:", x)
	x <<= 4
	fmt.Println("<<= 4:", x)
	x >>= 2
	fmt.Println(">>= 2:", x)
	x &= 0x3c
	fmt.Println("&= 0x3c:", x)
	x |= 0x101
	fmt.Println("|= 0x101:", x)
	x ^= 0xff
	fmt.Println("^= 0xff:", x)
	x &^= 0x0f
	fmt.Println("&^= 0x0f:", x)

	f := 1.5
	f *= 4
	f /= 3
	fmt.Println("float ops:", f)

	s := "go"
	s += "mini"
	fmt.Println("string +=:", s)

	arr := [3]int{1, 2, 3}
	for i := range arr {
		arr[i] *= arr[i]
	}
	fmt.Println("array elements squared:", arr)

	m := map[string]int{"k": 1}
	m["k"] += 41
	m["new"] += 5
	fmt.Println("map op-assign:", m)

	var b byte = 250
	b += 10
	fmt.Println("byte wraps:", b)
}
